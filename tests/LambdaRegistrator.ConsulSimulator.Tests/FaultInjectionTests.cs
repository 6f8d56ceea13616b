using LambdaRegistrator.ConsulSimulator.Faults;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>Fault injection and request counting of the simulator (in-process handle and the <c>/_sim/</c> HTTP API).</summary>
public sealed class FaultInjectionTests : IAsyncLifetime, IDisposable
{
    private ConsulSimulatorServer? _server;
    private ConsulApi? _api;

    private ConsulSimulatorServer Server => _server!;
    private ConsulApi Api => _api!;

    public async Task InitializeAsync()
    {
        _server = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions());
        _api = new ConsulApi(_server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose() => _api?.Dispose();

    private const string RegisterBody = "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"fn\"}}";

    [Fact]
    public async Task Fault_StatusWithCount_AppliesToNextRequestsOnly()
    {
        Server.Faults.Add(new FaultRule { PathPrefix = "/v1/catalog/register", Method = "PUT", StatusCode = 503, Body = "try later", Count = 1 });

        var faulted = await Api.PutAsync("/v1/catalog/register", RegisterBody);
        var served = await Api.PutAsync("/v1/catalog/register", RegisterBody);

        Assert.Equal((503, "try later"), (faulted.Status, faulted.Body));
        Assert.Equal((200, "true"), (served.Status, served.Body));
        Assert.Empty(Server.Faults.Rules);
    }

    [Fact]
    public async Task Fault_FailNextN_FailsExactlyNThenServesAndCountsEveryAttempt()
    {
        Server.Faults.FailNext(2, "/v1/catalog/register");

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Api.PutAsync("/v1/catalog/register", RegisterBody)).Status);
        }

        Assert.Equal([500, 500, 200], statuses);
        Assert.Equal(3, Server.Stats.Count("PUT /v1/catalog/register"));
        Assert.Equal(3, Server.Stats.Writes);
        Assert.Equal([true, true, false], Server.Stats.Requests().Select(r => r.Faulted).ToArray());
    }

    [Fact]
    public async Task Fault_MethodFilter_LeavesOtherMethodsAlone()
    {
        Server.Faults.Add(new FaultRule { PathPrefix = "/v1/catalog/", Method = "PUT", StatusCode = 500 });

        var read = await Api.GetAsync("/v1/catalog/services");
        var write = await Api.PutAsync("/v1/catalog/register", RegisterBody);

        Assert.Equal(200, read.Status);
        Assert.Equal(500, write.Status);
    }

    [Fact]
    public async Task Fault_DelayOnly_StillServesTheRequest()
    {
        Server.Faults.Add(new FaultRule { PathPrefix = "/v1/catalog/services", Delay = TimeSpan.FromMilliseconds(50), Count = 1 });

        var reply = await Api.GetAsync("/v1/catalog/services");

        Assert.Equal(200, reply.Status);
        Assert.True(Server.Stats.Requests().Single().Faulted);
    }

    [Fact]
    public async Task Fault_DropConnection_ClosesWithoutResponse()
    {
        Server.Faults.Add(new FaultRule { PathPrefix = "/v1/config", DropConnection = true, Count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"x\"}"));
        var after = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"x\"}");

        Assert.Equal("true", after.Body);
        Assert.Equal(0, Server.Stats.Requests()[0].StatusCode);
    }

    [Fact]
    public async Task SimFaults_PutOverHttp_AppliesAndListsAndClears()
    {
        var set = await Api.PutAsync("/_sim/faults",
            "{\"Rules\":[{\"PathPrefix\":\"/v1/catalog/services\",\"Method\":\"GET\",\"StatusCode\":429,\"Body\":\"rate limit exceeded, try again later or against a different server\",\"Count\":1}]}");
        var listed = await Api.GetAsync("/_sim/faults");
        var faulted = await Api.GetAsync("/v1/catalog/services");
        var cleared = await Api.DeleteAsync("/_sim/faults");

        Assert.Equal("true", set.Body);
        Assert.Equal(429, listed.Json().GetProperty("Rules")[0].GetProperty("StatusCode").GetInt32());
        Assert.Equal((429, "rate limit exceeded, try again later or against a different server"), (faulted.Status, faulted.Body));
        Assert.Equal("true", cleared.Body);
        Assert.Empty(Server.Faults.Rules);
    }

    public static TheoryData<string, string> InvalidRuleCases => new()
    {
        { "no path prefix", "{\"Rules\":[{\"StatusCode\":500}]}" },
        { "rule that does nothing", "{\"Rules\":[{\"PathPrefix\":\"/v1/\"}]}" },
        { "count zero", "{\"Rules\":[{\"PathPrefix\":\"/v1/\",\"StatusCode\":500,\"Count\":0}]}" },
        { "not JSON", "rules please" },
    };

    [Theory]
    [MemberData(nameof(InvalidRuleCases))]
    public async Task SimFaults_InvalidRule_Returns400WithReason(string caseName, string body)
    {
        var reply = await Api.PutAsync("/_sim/faults", body);

        Assert.True(reply.Status == 400, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.False(string.IsNullOrWhiteSpace(reply.Body));
    }

    [Fact]
    public async Task SimStats_AfterRequests_ReportsReadsWritesPerEndpointAndIgnoresControlCalls()
    {
        await Api.PutAsync("/v1/catalog/register", RegisterBody);
        await Api.GetAsync("/v1/catalog/service/fn");
        await Api.GetAsync("/v1/catalog/service/other");

        var stats = (await Api.GetAsync("/_sim/stats")).Json();

        Assert.Equal(2, stats.GetProperty("Reads").GetInt64());
        Assert.Equal(1, stats.GetProperty("Writes").GetInt64());
        Assert.Equal(2, stats.GetProperty("Endpoints").GetProperty("GET /v1/catalog/service/:service").GetInt64());
    }

    [Fact]
    public async Task SimReset_AfterWrites_ForgetsCatalogFaultsAndCounts()
    {
        await Api.PutAsync("/v1/catalog/register", RegisterBody);
        var before = await Api.GetAsync("/v1/catalog/services");
        Server.Faults.Add(new FaultRule { PathPrefix = "/v1/acl/", StatusCode = 500 });

        var reset = await Api.SendAsync(HttpMethod.Post, "/_sim/reset");
        var node = await Api.GetAsync("/v1/catalog/node/lambdas");
        var after = await Api.GetAsync("/v1/catalog/services");

        Assert.Equal("true", reset.Body);
        Assert.Equal("null", node.Body);
        Assert.Empty(Server.Faults.Rules);
        Assert.Equal(2, Server.Stats.Reads);
        Assert.True(after.Index > before.Index, "indexes never go backwards, even across a reset");
    }

    [Fact]
    public async Task Latency_Option_StillServesRequests()
    {
        await using var slow = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions { Latency = TimeSpan.FromMilliseconds(20) });
        using var api = new ConsulApi(slow.BaseAddress);

        var reply = await api.GetAsync("/v1/catalog/services");

        Assert.Equal(200, reply.Status);
        Assert.Equal(1, slow.Stats.Reads);
    }

    [Fact]
    public async Task Register_ProxyNull_DropsConnectionLikeConsulsPanic()
    {
        await Assert.ThrowsAsync<HttpRequestException>(() =>
            Api.PutAsync("/v1/catalog/register", "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"fn\",\"Proxy\":null}}"));
        var afterDrop = await Api.GetAsync("/v1/catalog/service/fn");
        var connectNull = await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"fn\",\"Connect\":null}}");

        Assert.Equal("[]", afterDrop.Body);
        Assert.Equal("true", connectNull.Body);
    }
}
