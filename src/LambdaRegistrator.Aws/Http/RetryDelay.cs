namespace LambdaRegistrator.Aws.Http;

/// <summary>The wait before a retry: full-jitter exponential backoff, never shorter than <c>Retry-After</c>, capped.</summary>
internal static class RetryDelay
{
    /// <param name="failedAttempt">The attempt that just failed, starting at 1.</param>
    /// <param name="retryAfter">The server's <c>Retry-After</c>, if any.</param>
    /// <param name="options">Base and maximum delay.</param>
    /// <param name="random">Jitter source.</param>
    public static TimeSpan Compute(int failedAttempt, TimeSpan? retryAfter, AwsRetryOptions options, Random random)
    {
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ceiling = Math.Min(options.MaxDelay.TotalMilliseconds, options.BaseDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var backoff = TimeSpan.FromMilliseconds(random.NextDouble() * ceiling);
        var wait = retryAfter is { } honoured && honoured > backoff ? honoured : backoff;
        return wait > options.MaxDelay ? options.MaxDelay : wait;
    }
}
