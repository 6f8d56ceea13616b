namespace LambdaRegistrator.Metrics;

/// <summary>HTTP requests one invocation sent (every attempt counts), and how many were throttled or retried.</summary>
/// <param name="AwsRequests">Requests sent to AWS (Lambda, Tagging, SSM), retries included.</param>
/// <param name="AwsThrottles">AWS answers that were throttling errors.</param>
/// <param name="ConsulRequests">Requests sent to Consul, retries included.</param>
/// <param name="ConsulRetries">Consul requests that were retries of a failed attempt.</param>
public sealed record RequestCounts(long AwsRequests, long AwsThrottles, long ConsulRequests, long ConsulRetries)
{
    /// <summary>Nothing sent.</summary>
    public static RequestCounts None { get; } = new(0, 0, 0, 0);
}
