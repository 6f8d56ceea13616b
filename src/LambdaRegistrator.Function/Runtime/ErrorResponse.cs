namespace LambdaRegistrator.Function.Runtime;

/// <summary>The body of <c>/invocation/{id}/error</c> and <c>/init/error</c>.</summary>
internal sealed record ErrorResponse(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    /// <summary>Why: RuntimeSupport truncates error payloads near 256 KB; keep the message well below that.</summary>
    private const int MaxMessageLength = 64 * 1024;

    public static ErrorResponse Of(string errorType, string errorMessage) =>
        new(Truncate(errorMessage), errorType, []);

    /// <summary>An error named after the exception type, with its stack trace, one frame a line.</summary>
    public static ErrorResponse Of(Exception exception) =>
        new(
            Truncate(exception.Message),
            exception is FunctionInitializationException init ? init.ErrorType : exception.GetType().Name,
            (exception.StackTrace ?? string.Empty)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), " …(truncated)");
}
