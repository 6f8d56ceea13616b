namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulRetryPolicyTests
{
    public static TheoryData<string, int, double, int> DelayCases => new()
    {
        { "first retry, no jitter: half the base", 1, 0.0, 50 },
        { "first retry, full jitter: the base", 1, 1.0, 100 },
        { "second retry doubles", 2, 0.0, 100 },
        { "third retry, half jitter", 3, 0.5, 300 },
        { "capped at MaxDelay", 10, 1.0, 1000 },
        { "huge retry number does not overflow", 500, 0.0, 500 },
    };

    [Theory]
    [MemberData(nameof(DelayCases))]
    public void DelayBeforeRetry_RetryAndJitter_ExponentialCapped(string caseName, int retry, double random, int expectedMs)
    {
        var policy = new ConsulRetryPolicy
        {
            BaseDelay = TimeSpan.FromMilliseconds(100),
            MaxDelay = TimeSpan.FromSeconds(1),
            NextRandom = () => random,
        };

        Assert.True(TimeSpan.FromMilliseconds(expectedMs) == policy.DelayBeforeRetry(retry), $"{caseName}: {policy.DelayBeforeRetry(retry)}");
    }

    [Fact]
    public void DelayBeforeRetry_ZeroRetry_Rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConsulRetryPolicy.Default.DelayBeforeRetry(0));
    }
}
