namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>Retry policies for tests: real backoff maths, recorded instead of waited for.</summary>
internal static class TestRetry
{
    /// <summary>Base 100 ms, cap 1 s, jitter fixed at 0.5: retry n waits 0.75 × 100 ms × 2^(n-1).</summary>
    public static ConsulRetryPolicy Policy(int attempts = 4, RecordingTimeProvider? clock = null) => new()
    {
        MaxAttempts = attempts,
        BaseDelay = TimeSpan.FromMilliseconds(100),
        MaxDelay = TimeSpan.FromSeconds(1),
        TimeProvider = clock ?? new RecordingTimeProvider(),
        NextRandom = () => 0.5,
    };
}
