using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.TestKit;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientRetryTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _sim;

    public ConsulClientRetryTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
    }

    public static TheoryData<string, int, string> TransientFaults => new()
    {
        { "unrecognised 500", 500, "simulated failure (fault injection)" },
        { "no leader", 500, "No cluster leader" },
        { "server rate limit", 429, "rate limit exceeded, try again later or against a different server" },
        { "leader rate limit", 503, "rate limit exceeded for operation that can only be performed by the leader, try again later" },
        { "gateway", 502, "Bad Gateway" },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task ListServicesAsync_TwoTransientFaults_SucceedsWithBackoff(string caseName, int status, string body)
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(2, "/v1/catalog/services", status, body));
        var clock = new RecordingTimeProvider();
        using var client = _sim.Client(clock: clock);

        var services = await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);

        Assert.True(services.Value.ContainsKey("consul"), caseName);
        Assert.Equal(3, _sim.Server.Stats.Count("GET /v1/catalog/services"));
        Assert.Equal([TimeSpan.FromMilliseconds(75), TimeSpan.FromMilliseconds(150)], clock.Delays);
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task RegisterAsync_TransientFault_WriteRetriedBecauseIdempotent(string caseName, int status, string body)
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(1, "/v1/catalog/register", status, body));
        using var client = _sim.Client();

        await client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn", "lambdas"), ConsulScope.Default, CancellationToken.None);

        Assert.Equal(2, _sim.Server.Stats.Count("PUT /v1/catalog/register"));
        Assert.True((await client.GetServiceAsync("fn", ConsulScope.Default, CancellationToken.None)).Value.Count == 1, caseName);
    }

    [Fact]
    public async Task GetServiceDefaultsAsync_FaultsOutlastAttempts_LastErrorThrown()
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(10, "/v1/config/", 503, "rate limit exceeded for operation that can only be performed by the leader, try again later"));
        var clock = new RecordingTimeProvider();
        using var client = _sim.Client(attempts: 3, clock: clock);

        var e = await Assert.ThrowsAsync<ConsulRateLimitedException>(() => client.GetServiceDefaultsAsync("fn", ConsulScope.Default, CancellationToken.None));

        Assert.True(e.IsTransient);
        Assert.Equal(3, _sim.Server.Stats.Count("GET /v1/config/:kind/:name"));
        Assert.Equal(2, clock.Delays.Count);
    }

    public static TheoryData<string, int, string, Type> PermanentFaults => new()
    {
        { "validation 500", 500, "Must provide node", typeof(ConsulValidationException) },
        { "decode 400", 400, "Request decode failed: json: unknown field \"X\"", typeof(ConsulValidationException) },
        { "denied", 403, "Permission denied: token with AccessorID 'x' lacks permission 'service:write' on \"fn\"", typeof(ConsulPermissionDeniedException) },
    };

    [Theory]
    [MemberData(nameof(PermanentFaults))]
    public async Task RegisterAsync_PermanentFault_NotRetried(string caseName, int status, string body, Type expected)
    {
        _sim.Server.Faults.Add(FaultRule.FailNext(1, "/v1/catalog/register", status, body));
        var clock = new RecordingTimeProvider();
        using var client = _sim.Client(clock: clock);

        var e = await Assert.ThrowsAnyAsync<ConsulException>(() => client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn", "lambdas"), ConsulScope.Default, CancellationToken.None));

        Assert.True(expected == e.GetType(), $"{caseName}: {e.GetType().Name}");
        Assert.Equal(1, _sim.Server.Stats.Count("PUT /v1/catalog/register"));
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task GetNodeServicesAsync_ConnectionDroppedOnce_Retried()
    {
        _sim.Server.Faults.Add(new FaultRule { PathPrefix = "/v1/catalog/node-services/", DropConnection = true, Count = 1 });
        using var client = _sim.Client();

        var result = await client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);

        Assert.Null(result.Value.Node);
        Assert.Equal(2, _sim.Server.Stats.Count("GET /v1/catalog/node-services/:node"));
    }

    [Fact]
    public async Task ListServicesAsync_NothingListening_UnavailableNamingAddress()
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var clock = new RecordingTimeProvider();
        using var client = new ConsulClient(new ConsulClientOptions { Address = address }, TestRetry.Policy(attempts: 2, clock: clock));

        var e = await Assert.ThrowsAsync<ConsulUnavailableException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));

        Assert.Contains("Cannot connect to Consul at " + address.GetLeftPart(UriPartial.Authority), e.Message, StringComparison.Ordinal);
        Assert.Contains("CONSUL_HTTP_ADDR", e.Message, StringComparison.Ordinal);
        Assert.Single(clock.Delays);
    }

    [Fact]
    public async Task ListServicesAsync_UnknownHost_UnavailableAboutDns()
    {
        using var client = new ConsulClient(new ConsulClientOptions { Address = new Uri("http://no-such-host.invalid:8500") }, ConsulRetryPolicy.None);

        var e = await Assert.ThrowsAsync<ConsulUnavailableException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));

        Assert.Contains("Cannot resolve", e.Message, StringComparison.Ordinal);
        Assert.Contains("no-such-host.invalid", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListServicesAsync_SlowerThanTimeout_TimeoutError()
    {
        _sim.Server.Faults.Add(new FaultRule { PathPrefix = "/v1/catalog/services", Delay = TimeSpan.FromSeconds(3), Count = 1 });
        using var client = new ConsulClient(
            new ConsulClientOptions { Address = _sim.Server.BaseAddress, Timeout = TimeSpan.FromMilliseconds(200) },
            ConsulRetryPolicy.None);

        var e = await Assert.ThrowsAsync<ConsulTimeoutException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));

        Assert.Contains("did not answer GET /v1/catalog/services", e.Message, StringComparison.Ordinal);
        Assert.True(e.IsTransient);
    }

    [Fact]
    public async Task ListServicesAsync_CallerCancels_OperationCanceledNotWrapped()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var client = _sim.Client();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ListServicesAsync(ConsulScope.Default, null, cancelled.Token));
    }
}
