namespace LambdaRegistrator.Function;

/// <summary>
/// Thrown by <see cref="FunctionHandler"/> under the managed runtime for an <see cref="InvocationResult.Failure"/>,
/// so the invocation counts as a function error.
/// </summary>
/// <remarks>
/// Why: the managed runtime names the error after the exception type, so Lambda reports
/// <c>InvocationFailedException</c>; the specific error type leads the message (<c>Registrator.ActionsFailed: …</c>)
/// and is in <see cref="ErrorType"/>. The custom runtime (<c>bootstrap</c>) reports the specific type directly.
/// </remarks>
internal sealed class InvocationFailedException : Exception
{
    /// <summary>Creates the exception for a failed invocation.</summary>
    public InvocationFailedException(string errorType, string errorMessage)
        : base($"{errorType}: {errorMessage}")
    {
        ErrorTypeName.Validate(errorType, nameof(errorType));
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>The specific error type (<c>Category.Reason</c>).</summary>
    public string ErrorType { get; }

    /// <summary>The failure's message without the error type prefix.</summary>
    public string ErrorMessage { get; }
}
