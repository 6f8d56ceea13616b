using System.Collections.Concurrent;
using System.Globalization;
using LambdaRegistrator.Consul.Tests.Fixtures;
using LambdaRegistrator.ConsulSimulator.Faults;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>
/// A proxy or load balancer in front of Consul may answer 429/503 with <c>Retry-After</c> (Consul itself never sends
/// it): the client waits at least that long, capped by the policy's maximum, and says so in the retry it reports.
/// </summary>
public sealed class ConsulClientRetryAfterTests : IClassFixture<SimulatorFixture>
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 7, 22, 0, 0, TimeSpan.Zero);
    private readonly SimulatorFixture _sim;

    public ConsulClientRetryAfterTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
    }

    public static TheoryData<string, string, double, string> RetryAfterCases => new()
    {
        // case, Retry-After header, expected delay (ms), reason
        { "seconds longer than the backoff", "2", 2000, "HTTP 503, Retry-After 2 s" },
        { "an HTTP date 3 s ahead", Epoch.AddSeconds(3).ToString("R", CultureInfo.InvariantCulture), 3000, "HTTP 503, Retry-After 3 s" },
        { "longer than the policy's maximum", "600", 10_000, "HTTP 503, Retry-After 600 s" },
        { "shorter than the backoff", "0", 150, "HTTP 503, Retry-After 0 s" },
    };

    [Theory]
    [MemberData(nameof(RetryAfterCases))]
    public async Task ListServicesAsync_ProxyAnswersRetryAfter_WaitsThatLongCappedAndReportsIt(string caseName, string header, double delayMs, string reason)
    {
        _sim.Server.Faults.Add(Unavailable(header));
        var clock = new SignallingTimeProvider();
        var observer = new RecordingObserver();
        using var client = new ConsulClient(new ConsulClientOptions { Address = _sim.Target.Address }, Policy(clock), observer);

        var timer = clock.NextTimer;
        var call = client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        var wait = await timer.WaitAsync(TestTimeout());

        Assert.True(TimeSpan.FromMilliseconds(delayMs) == wait, $"{caseName}: waited {wait}");
        Assert.Equal([$"GET /v1/catalog/services 1 {reason} {delayMs}"], observer.Retries);

        // Not one request more before the wait is over; the retry after it succeeds.
        clock.Advance(wait - TimeSpan.FromMilliseconds(1));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, _sim.Server.Stats.Count("GET /v1/catalog/services"));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True((await call.WaitAsync(TestTimeout())).Value.ContainsKey("consul"));
        Assert.Equal(2, _sim.Server.Stats.Count("GET /v1/catalog/services"));
    }

    [Fact]
    public async Task ListServicesAsync_NoRetryAfter_BackoffAsBefore()
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(1, "/v1/catalog/services", 503, "Service Unavailable"));
        var clock = new SignallingTimeProvider();
        var observer = new RecordingObserver();
        using var client = new ConsulClient(new ConsulClientOptions { Address = _sim.Target.Address }, Policy(clock), observer);

        var timer = clock.NextTimer;
        var call = client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        var wait = await timer.WaitAsync(TestTimeout());
        clock.Advance(wait);
        await call.WaitAsync(TestTimeout());

        Assert.Equal(TimeSpan.FromMilliseconds(150), wait);
        Assert.Equal(["GET /v1/catalog/services 1 HTTP 503 150"], observer.Retries);
    }

    private static FaultRule Unavailable(string retryAfter) => new()
    {
        PathPrefix = "/v1/catalog/services",
        Count = 1,
        StatusCode = 503,
        Body = "Service Unavailable",
        Headers = new Dictionary<string, string> { ["Retry-After"] = retryAfter },
    };

    /// <summary>Base 200 ms, jitter 0.5: the first retry's backoff is 150 ms; at most 10 s.</summary>
    private static ConsulRetryPolicy Policy(TimeProvider clock) => new()
    {
        MaxAttempts = 3,
        BaseDelay = TimeSpan.FromMilliseconds(200),
        MaxDelay = TimeSpan.FromSeconds(10),
        TimeProvider = clock,
        NextRandom = () => 0.5,
    };

    // Why a bound at all: a broken client must fail the test, not hang the run; no assertion depends on it.
    private static TimeSpan TestTimeout() => TimeSpan.FromSeconds(60);

    /// <summary>A <see cref="FakeTimeProvider"/> that reports each timer it starts, so a test advances it only once the wait has begun.</summary>
    private sealed class SignallingTimeProvider() : FakeTimeProvider(Epoch)
    {
        private TaskCompletionSource<TimeSpan> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<TimeSpan> NextTimer => Volatile.Read(ref _next).Task;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                var signalled = Interlocked.Exchange(ref _next, new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously));
                signalled.SetResult(dueTime);
            }

            return timer;
        }
    }

    private sealed class RecordingObserver : IConsulRequestObserver
    {
        private readonly ConcurrentQueue<string> _retries = new();

        public IReadOnlyList<string> Retries => [.. _retries];

        public void RequestSent(string request, int attempt)
        {
        }

        public void Retrying(string request, int attempt, TimeSpan delay, string reason) =>
            _retries.Enqueue($"{request} {attempt} {reason} {delay.TotalMilliseconds}");
    }
}
