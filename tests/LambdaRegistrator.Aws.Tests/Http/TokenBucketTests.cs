using LambdaRegistrator.Aws.Http;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Http;

public sealed class TokenBucketTests
{
    public static TheoryData<string, int, double, int> Cases => new()
    {
        { "Lambda control plane, 100 calls", 100, 15, 15 },
        { "GetFunction, 250 calls", 250, 100, 100 },
        { "Burst of one", 10, 2, 1 },
        { "Fewer calls than the burst", 5, 15, 15 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task WaitAsync_NRequests_TakeAtLeastNMinusBurstOverRateOfVirtualTime(string caseName, int requests, double rate, int burst)
    {
        var time = new RecordingTimeProvider();
        var bucket = new TokenBucket(new RateLimit(rate, burst), time);

        for (var i = 0; i < requests; i++)
        {
            await bucket.WaitAsync(CancellationToken.None);
        }

        var minimum = Math.Max(0, requests - burst) / rate;
        Assert.True(time.Elapsed.TotalSeconds >= minimum - 1e-6, $"{caseName}: {time.Elapsed.TotalSeconds} s < {minimum} s");
        // The bucket does not over-throttle either: one refill interval of slack at most.
        Assert.True(time.Elapsed.TotalSeconds <= minimum + (1 / rate), $"{caseName}: {time.Elapsed.TotalSeconds} s");
    }

    [Fact]
    public void Reserve_AfterIdlePeriod_RefillsUpToBurstOnly()
    {
        var time = new RecordingTimeProvider();
        var bucket = new TokenBucket(new RateLimit(10, 3), time);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        }

        time.Advance(TimeSpan.FromMinutes(1));

        var waits = Enumerable.Range(0, 4).Select(_ => bucket.Reserve()).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero], waits.Take(3));
        Assert.Equal(TimeSpan.FromMilliseconds(100), waits[3]);
    }

    [Fact]
    public void Reserve_ConcurrentCallers_QueueInArrivalOrder()
    {
        var bucket = new TokenBucket(new RateLimit(4, 1), new RecordingTimeProvider());

        var waits = Enumerable.Range(0, 4).Select(_ => bucket.Reserve().TotalMilliseconds).ToList();

        Assert.Equal([0, 250, 500, 750], waits);
    }

    [Fact]
    public async Task WaitAsync_Cancelled_ThrowsAndRefundsTheToken()
    {
        var bucket = new TokenBucket(new RateLimit(1, 1), new RecordingTimeProvider());
        Assert.Equal(TimeSpan.Zero, bucket.Reserve());
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await bucket.WaitAsync(cancelled.Token));

        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Reserve());
    }
}
