using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Tests.Http;

public sealed class RetryDelayTests
{
    private static readonly AwsRetryOptions Options = new() { BaseDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(20) };

    public static TheoryData<string, int, double, double?, double> Cases => new()
    {
        { "First retry, full jitter ceiling", 1, 1.0, null, 100 },
        { "Third retry doubles twice", 3, 1.0, null, 400 },
        { "Jitter scales the ceiling", 3, 0.5, null, 200 },
        { "Zero jitter gives zero without Retry-After", 2, 0.0, null, 0 },
        { "Retry-After longer than the backoff wins", 1, 1.0, 3000, 3000 },
        { "Backoff longer than Retry-After wins", 4, 1.0, 100, 800 },
        { "Retry-After is capped at MaxDelay", 1, 0.0, 60_000, 20_000 },
        { "Backoff is capped at MaxDelay", 30, 1.0, null, 20_000 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compute_Attempt_ReturnsJitteredCappedDelay(string caseName, int failedAttempt, double jitter, double? retryAfterMs, double expectedMs)
    {
        var delay = RetryDelay.Compute(
            failedAttempt, retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, Options, new FixedRandom(jitter));

        Assert.True(Math.Abs(delay.TotalMilliseconds - expectedMs) < 0.001, $"{caseName}: {delay.TotalMilliseconds} ms");
    }
}
