namespace LambdaRegistrator.Function;

/// <summary>
/// The outcome of one invocation: the JSON response body, or a failure that Lambda records as a function error
/// (so EventBridge retries and CloudWatch alarms see it) with an error type such as <c>Registrator.ActionsFailed</c>.
/// </summary>
internal sealed class InvocationResult
{
    private InvocationResult(ReadOnlyMemory<byte> responseJson, string? errorType, string? errorMessage)
    {
        ResponseJson = responseJson;
        ErrorType = errorType;
        ErrorMessage = errorMessage;
    }

    /// <summary>True when the invocation succeeded and <see cref="ResponseJson"/> is the response.</summary>
    public bool IsSuccess => ErrorType is null;

    /// <summary>The UTF-8 JSON response body of a success; empty for a failure.</summary>
    public ReadOnlyMemory<byte> ResponseJson { get; }

    /// <summary>The error type of a failure (<c>Category.Reason</c>); null for a success.</summary>
    public string? ErrorType { get; }

    /// <summary>What went wrong and what to do, for a failure; null for a success.</summary>
    public string? ErrorMessage { get; }

    /// <summary>A successful invocation answered with <paramref name="responseJson"/> (UTF-8 JSON).</summary>
    public static InvocationResult Success(ReadOnlyMemory<byte> responseJson) => new(responseJson, null, null);

    /// <summary>A failed invocation. <paramref name="errorType"/> becomes the <c>Lambda-Runtime-Function-Error-Type</c> header.</summary>
    /// <exception cref="ArgumentException">The error type is empty or holds characters other than letters, digits, '.', '_' or '-'.</exception>
    public static InvocationResult Failure(string errorType, string errorMessage)
    {
        ArgumentNullException.ThrowIfNull(errorMessage);
        ErrorTypeName.Validate(errorType, nameof(errorType));
        return new InvocationResult(ReadOnlyMemory<byte>.Empty, errorType, errorMessage);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        IsSuccess ? $"Success ({ResponseJson.Length} bytes)" : $"Failure {ErrorType}: {ErrorMessage}";
}
