using System.Collections.Concurrent;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Http;

/// <summary>The observer seam: every attempt sent, every throttling answer and every retry is reported, once each.</summary>
public sealed class ObserverTests : IClassFixture<FaultFixture>
{
    private readonly FaultFixture _fixture;

    public ObserverTests(FaultFixture fixture)
    {
        _fixture = fixture;
        fixture.Proxy.Reset();
    }

    [Fact]
    public async Task GetFunction_TwoThrottlesThenAnswer_ReportsThreeRequestsTwoThrottlesAndTwoRetries()
    {
        var observer = new RecordingObserver();
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(_fixture.Proxy.Endpoint, time, observer: observer);
        _fixture.Proxy.Inject(new AwsFault(AwsFaultKind.LambdaTooManyRequests, Count: 2) { PathPrefix = "/2015-03-31/functions/" });

        await clients.Lambda.GetFunctionAsync(FaultFixture.FunctionName);

        Assert.Equal(["Lambda GetFunction 1", "Lambda GetFunction 2", "Lambda GetFunction 3"], observer.Sent);
        Assert.Equal(["Lambda GetFunction 1", "Lambda GetFunction 2"], observer.Throttles);
        Assert.Equal(time.Delays.Select(d => $"Lambda GetFunction TooManyRequestsException {d.TotalMilliseconds}"), observer.Retries);
    }

    [Fact]
    public async Task GetFunction_MissingFunction_ReportsOneRequestAndNoRetry()
    {
        var observer = new RecordingObserver();
        using var clients = TestClients.Create(_fixture.Proxy.Endpoint, observer: observer);

        Assert.Null(await clients.Lambda.GetFunctionAsync("does-not-exist"));

        Assert.Equal(["Lambda GetFunction 1"], observer.Sent);
        Assert.Empty(observer.Throttles);
        Assert.Empty(observer.Retries);
    }

    private sealed class RecordingObserver : IAwsRequestObserver
    {
        private readonly ConcurrentQueue<string> _sent = new();
        private readonly ConcurrentQueue<string> _throttles = new();
        private readonly ConcurrentQueue<string> _retries = new();

        public IReadOnlyList<string> Sent => [.. _sent];

        public IReadOnlyList<string> Throttles => [.. _throttles];

        public IReadOnlyList<string> Retries => [.. _retries];

        public void RequestSent(string service, string operation, int attempt) => _sent.Enqueue($"{service} {operation} {attempt}");

        public void Throttled(string service, string operation, int attempt) => _throttles.Enqueue($"{service} {operation} {attempt}");

        public void Retrying(string service, string operation, int attempt, TimeSpan delay, string reason) =>
            _retries.Enqueue($"{service} {operation} {reason} {delay.TotalMilliseconds}");
    }
}
