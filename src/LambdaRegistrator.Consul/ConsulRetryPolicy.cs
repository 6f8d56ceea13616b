namespace LambdaRegistrator.Consul;

/// <summary>How the client retries transient failures: bounded attempts with jittered exponential backoff; clock and randomness injectable for tests.</summary>
public sealed record ConsulRetryPolicy
{
    /// <summary>Four attempts, 200 ms base delay, at most 5 s between attempts.</summary>
    public static ConsulRetryPolicy Default { get; } = new();

    /// <summary>One attempt, no retries.</summary>
    public static ConsulRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Total attempts including the first (at least 1).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>Delay before the first retry, doubled for each further retry.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one delay.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The clock used to wait between attempts.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Returns a number in [0, 1) for the jitter.</summary>
#pragma warning disable CA5394 // Why: jitter spreads retries; it needs no cryptographic randomness.
    public Func<double> NextRandom { get; init; } = Random.Shared.NextDouble;
#pragma warning restore CA5394

    /// <summary>
    /// The wait before retry number <paramref name="retry"/>: the backoff below, or <paramref name="retryAfter"/> when
    /// the answer asked for longer (a proxy or load balancer in front of Consul may send <c>Retry-After</c>; Consul
    /// itself never does), never more than <see cref="MaxDelay"/>, like the AWS client.
    /// </summary>
    public TimeSpan DelayBeforeRetry(int retry, TimeSpan? retryAfter)
    {
        var backoff = DelayBeforeRetry(retry);
        var wait = retryAfter is { } asked && asked > backoff ? asked : backoff;
        return wait > MaxDelay ? MaxDelay : wait;
    }

    /// <summary>The wait before retry number <paramref name="retry"/> (1 = the first retry): half the capped exponential step plus a random part of the other half.</summary>
    public TimeSpan DelayBeforeRetry(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var exponent = Math.Min(retry - 1, 30);
        var step = Math.Min(BaseDelay.Ticks * (double)(1L << exponent), MaxDelay.Ticks);
        var jitter = Math.Clamp(NextRandom(), 0d, 1d);
        return TimeSpan.FromTicks((long)(step / 2 + (step / 2 * jitter)));
    }
}
