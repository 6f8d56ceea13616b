namespace LambdaRegistrator.Function;

/// <summary>What the host knows about the current invocation.</summary>
/// <param name="AwsRequestId">Lambda's request id; null under the managed runtime's Stream handler, which is not told it.</param>
/// <param name="Deadline">When Lambda stops the invocation (from <c>Lambda-Runtime-Deadline-Ms</c>, or the configured budget under the managed runtime).</param>
/// <param name="InvokedFunctionArn">The ARN used to invoke, possibly with an alias or version; null when unknown.</param>
/// <param name="TraceId">The X-Ray trace header (<c>Root=…;Parent=…;Sampled=…</c>); null when absent.</param>
internal sealed record InvocationContext(string? AwsRequestId, DateTimeOffset Deadline, string? InvokedFunctionArn, string? TraceId);
