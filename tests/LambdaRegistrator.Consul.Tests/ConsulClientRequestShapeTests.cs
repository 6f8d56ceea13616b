using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>What goes on the wire, read from the simulator's request log.</summary>
public sealed class ConsulClientRequestShapeTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private readonly SimulatorFixture _sim;
    private readonly ConsulClient _client;

    public ConsulClientRequestShapeTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
        _client = sim.Client();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task RegisterAsync_ScopeDatacenter_SentInBodyNotQuery()
    {
        await _client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn-dc2", "lambdas"), new ConsulScope(Datacenter: "dc2"), CancellationToken.None);

        var inDc2 = await _client.GetNodeServicesAsync("lambdas", new ConsulScope(Datacenter: "dc2"), CancellationToken.None);
        var inDc1 = await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);
        Assert.Equal("fn-dc2", Assert.Single(inDc2.Value.Services).Id);
        Assert.Empty(inDc1.Value.Services);
        var register = Assert.Single(_sim.Server.Stats.Requests(), r => r.Method == "PUT");
        Assert.DoesNotContain("dc=", register.PathAndQuery, StringComparison.Ordinal);
        Assert.Contains(_sim.Server.Stats.Requests(), r => r.PathAndQuery.Contains("dc=dc2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeregisterAsync_ScopeDatacenter_SentInBody()
    {
        var dc2 = new ConsulScope(Datacenter: "dc2");
        await _client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn-dc2", "lambdas"), dc2, CancellationToken.None);

        await _client.DeregisterAsync(new Catalog.CatalogDeregistration { Node = "lambdas", ServiceId = "fn-dc2" }, dc2, CancellationToken.None);

        Assert.Empty((await _client.GetNodeServicesAsync("lambdas", dc2, CancellationToken.None)).Value.Services);
    }

    [Fact]
    public async Task ListServicesAsync_NodeMeta_RepeatedKeyValueParameters()
    {
        await _client.ListServicesAsync(
            ConsulScope.Default,
            new Catalog.CatalogServicesQuery { NodeMeta = new Dictionary<string, string> { ["b"] = "2", ["a"] = "x:y" }, Filter = "ServiceName != \"x\"" },
            CancellationToken.None);

        var request = Assert.Single(_sim.Server.Stats.Requests());
        Assert.Equal("/v1/catalog/services?node-meta=a%3Ax%3Ay&node-meta=b%3A2&filter=ServiceName%20%21%3D%20%22x%22", request.PathAndQuery);
    }
}
