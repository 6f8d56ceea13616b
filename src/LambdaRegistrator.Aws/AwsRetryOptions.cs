namespace LambdaRegistrator.Aws;

/// <summary>How throttled, failed (5xx) and dropped calls are retried.</summary>
public sealed record AwsRetryOptions
{
    /// <summary>
    /// Total attempts per call, the first included.
    /// Why: AWS "standard" mode makes 3; a full sync contends for Lambda's 15 req/s bucket, so we allow 5.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The backoff before retry n is a random fraction of <c>BaseDelay * 2^(n-1)</c> (full jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>No single wait exceeds this, not even a longer <c>Retry-After</c> (AWS SDKs cap at 20 s).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>One attempt (connect, send, read the whole response) is abandoned and retried after this long.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
