namespace LambdaRegistrator;

/// <summary>What the host knows about the current invocation; every member is optional.</summary>
/// <param name="InvokedFunctionArn">The registrator's own invoked ARN (from the Lambda runtime); its account is used for the default REGISTRATOR_ID and for ignoring events about other accounts.</param>
/// <param name="RequestId">Lambda's request id, for log correlation.</param>
public sealed record SyncContext(string? InvokedFunctionArn = null, string? RequestId = null)
{
    /// <summary>No invocation context (CLI, tests).</summary>
    public static SyncContext None { get; } = new();
}
