namespace LambdaRegistrator.Function;

/// <summary>A fatal cold-start failure with the error type Lambda reports for it (e.g. <c>Runtime.InvalidConfiguration</c>).</summary>
internal sealed class FunctionInitializationException : Exception
{
    /// <summary>Creates the exception; <paramref name="message"/> says what went wrong and what to do.</summary>
    public FunctionInitializationException(string errorType, string message)
        : this(errorType, message, null)
    {
    }

    /// <summary>Creates the exception with the failure that caused it.</summary>
    public FunctionInitializationException(string errorType, string message, Exception? innerException)
        : base(message, innerException)
    {
        ErrorTypeName.Validate(errorType, nameof(errorType));
        ErrorType = errorType;
    }

    /// <summary>The error type posted to <c>/runtime/init/error</c>.</summary>
    public string ErrorType { get; }
}
