namespace LambdaRegistrator.Logging;

/// <summary>The per-invocation keys every log line of one Lambda invocation carries.</summary>
/// <param name="RequestId">Lambda's request id (<c>function_request_id</c>); null when the host is not told it.</param>
/// <param name="XRayTraceId">The X-Ray trace id, the <c>Root</c> of the trace header (<c>xray_trace_id</c>); null when absent.</param>
/// <param name="FunctionArn">The ARN the function was invoked with (<c>function_arn</c>); null when unknown.</param>
/// <param name="ColdStart">True for the first invocation of the execution environment (<c>cold_start</c>).</param>
public sealed record InvocationLogFields(string? RequestId, string? XRayTraceId, string? FunctionArn, bool ColdStart);
