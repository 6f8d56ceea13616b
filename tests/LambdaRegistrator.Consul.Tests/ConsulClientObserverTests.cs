using System.Collections.Concurrent;
using LambdaRegistrator.Consul.Tests.Fixtures;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.TestKit;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>The observer seam: every attempt sent and every retry is reported, with the request and no query string.</summary>
public sealed class ConsulClientObserverTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _sim;

    public ConsulClientObserverTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
    }

    [Fact]
    public async Task ListServicesAsync_TwoTransientFaults_ReportsThreeAttemptsAndTwoRetriesWithTheirDelays()
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(2, "/v1/catalog/services", 429, "rate limit exceeded, try again later or against a different server"));
        var clock = new RecordingTimeProvider();
        var observer = new RecordingObserver();
        using var client = new ConsulClient(
            new ConsulClientOptions { Address = _sim.Target.Address, Timeout = TimeSpan.FromSeconds(10) }, TestRetry.Policy(4, clock), observer);

        await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);

        Assert.Equal(["GET /v1/catalog/services 1", "GET /v1/catalog/services 2", "GET /v1/catalog/services 3"], observer.Sent);
        Assert.Equal(clock.Delays.Select((d, i) => $"GET /v1/catalog/services {i + 1} HTTP 429 {d.TotalMilliseconds}"), observer.Retries);
        Assert.Equal(2, observer.Retries.Count);
    }

    private sealed class RecordingObserver : IConsulRequestObserver
    {
        private readonly ConcurrentQueue<string> _sent = new();
        private readonly ConcurrentQueue<string> _retries = new();

        public IReadOnlyList<string> Sent => [.. _sent];

        public IReadOnlyList<string> Retries => [.. _retries];

        public void RequestSent(string request, int attempt) => _sent.Enqueue($"{request} {attempt}");

        public void Retrying(string request, int attempt, TimeSpan delay, string reason) => _retries.Enqueue($"{request} {attempt} {reason} {delay.TotalMilliseconds}");
    }
}
