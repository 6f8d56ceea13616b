using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Simulator;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientCatalogTests : IClassFixture<SimulatorFixture>, IDisposable
{
    private const string ManagedTag = "managed-by-lambda-registrator";
    private readonly SimulatorFixture _sim;
    private readonly ConsulClient _client;

    public ConsulClientCatalogTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
        _client = sim.Client();
    }

    public void Dispose() => _client.Dispose();

    internal static CatalogRegistration Lambda(string name, string node = "lambdas", IReadOnlyList<string>? tags = null) => new()
    {
        Node = node,
        SkipNodeUpdate = true,
        NodeMeta = new Dictionary<string, string> { ["external-node"] = "true", ["external-probe"] = "true" },
        Service = new AgentService
        {
            Id = name,
            Service = name,
            Tags = tags ?? [ManagedTag],
            Meta = new Dictionary<string, string> { ["lambda-registrator-owner"] = "123456789012/eu-west-1" },
        },
    };

    [Fact]
    public async Task RegisterAsync_LambdaService_ListedOnItsNode()
    {
        await _client.RegisterAsync(Lambda("fn-a"), ConsulScope.Default, CancellationToken.None);

        var result = await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);

        Assert.Equal("lambdas", result.Value.Node?.Name);
        Assert.Equal("true", result.Value.Node?.Meta["external-node"]);
        var service = Assert.Single(result.Value.Services);
        Assert.Equal("fn-a", service.Id);
        Assert.Equal([ManagedTag], service.Tags);
        Assert.Equal("123456789012/eu-west-1", service.Meta["lambda-registrator-owner"]);
        Assert.True(service.ModifyIndex > 0);
        Assert.True(result.Meta.LastIndex > 0);
        Assert.True(result.Meta.KnownLeader);
    }

    [Fact]
    public async Task RegisterAsync_SameIdAgain_ReplacesTheRecord()
    {
        await _client.RegisterAsync(Lambda("fn-a", tags: ["one", "two"]), ConsulScope.Default, CancellationToken.None);
        var first = Assert.Single((await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None)).Value.Services);

        await _client.RegisterAsync(Lambda("fn-a", tags: ["three"]), ConsulScope.Default, CancellationToken.None);

        var second = Assert.Single((await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None)).Value.Services);
        Assert.Equal(["three"], second.Tags);
        Assert.Equal(first.CreateIndex, second.CreateIndex);
        Assert.True(second.ModifyIndex > first.ModifyIndex);
    }

    [Fact]
    public async Task RegisterAsync_ScopeDatacenter_SentInBodyNotQuery()
    {
        await _client.RegisterAsync(Lambda("fn-dc2"), new ConsulScope(Datacenter: "dc2"), CancellationToken.None);

        var inDc2 = await _client.GetNodeServicesAsync("lambdas", new ConsulScope(Datacenter: "dc2"), CancellationToken.None);
        var inDc1 = await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);
        Assert.Equal("fn-dc2", Assert.Single(inDc2.Value.Services).Id);
        Assert.Empty(inDc1.Value.Services);
        var register = Assert.Single(_sim.Server.Stats.Requests(), r => r.Method == "PUT");
        Assert.DoesNotContain("dc=", register.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_UnknownDatacenter_UnavailableNamingTheFix()
    {
        var e = await Assert.ThrowsAsync<ConsulUnavailableException>(() =>
            _client.RegisterAsync(Lambda("fn"), new ConsulScope(Datacenter: "nowhere"), CancellationToken.None));

        Assert.Contains("No path to datacenter", e.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("DATACENTER", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_NoNodeName_ValidationErrorNotRetried()
    {
        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.RegisterAsync(Lambda("fn") with { Node = string.Empty }, ConsulScope.Default, CancellationToken.None));

        Assert.Contains("Must provide node", e.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, e.StatusCode);
        Assert.Equal(1, _sim.Server.Stats.Count("PUT /v1/catalog/register"));
    }

    [Fact]
    public async Task RegisterAsync_ReservedServiceMetaKey_ValidationError()
    {
        var registration = Lambda("fn") with
        {
            Service = Lambda("fn").Service! with { Meta = new Dictionary<string, string> { ["consul-owner"] = "x" } },
        };

        var e = await Assert.ThrowsAsync<ConsulValidationException>(() => _client.RegisterAsync(registration, ConsulScope.Default, CancellationToken.None));

        Assert.Contains("Invalid Service Meta", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeregisterAsync_RegisteredService_Removed()
    {
        await _client.RegisterAsync(Lambda("fn-a"), ConsulScope.Default, CancellationToken.None);
        await _client.RegisterAsync(Lambda("fn-b"), ConsulScope.Default, CancellationToken.None);

        await _client.DeregisterAsync(new CatalogDeregistration { Node = "lambdas", ServiceId = "fn-a" }, ConsulScope.Default, CancellationToken.None);

        var services = (await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None)).Value.Services;
        Assert.Equal(["fn-b"], services.Select(s => s.Id));
    }

    [Fact]
    public async Task DeregisterAsync_AlreadyGone_Succeeds()
    {
        await _client.DeregisterAsync(new CatalogDeregistration { Node = "lambdas", ServiceId = "never-registered" }, ConsulScope.Default, CancellationToken.None);

        Assert.Equal(1, _sim.Server.Stats.Count("PUT /v1/catalog/deregister"));
    }

    [Fact]
    public async Task GetNodeServicesAsync_UnknownNode_NullNodeAndNoServices()
    {
        var result = await _client.GetNodeServicesAsync("no-such-node", ConsulScope.Default, CancellationToken.None);

        Assert.Null(result.Value.Node);
        Assert.Empty(result.Value.Services);
        Assert.True(result.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task ListServicesAsync_NodeMeta_OnlyServicesOnMatchingNodes()
    {
        await _client.RegisterAsync(Lambda("fn-a"), ConsulScope.Default, CancellationToken.None);
        await _client.RegisterAsync(
            new CatalogRegistration { Node = "vm-1", Address = "10.0.0.9", Service = new AgentService { Service = "web", Tags = ["v1"] } },
            ConsulScope.Default,
            CancellationToken.None);

        var all = await _client.ListServicesAsync(ConsulScope.Default, query: null, CancellationToken.None);
        var external = await _client.ListServicesAsync(
            ConsulScope.Default,
            new CatalogServicesQuery { NodeMeta = new Dictionary<string, string> { ["external-node"] = "true", ["external-probe"] = "true" } },
            CancellationToken.None);

        Assert.Equal([ManagedTag], all.Value["fn-a"]);
        Assert.Equal(["v1"], all.Value["web"]);
        Assert.Equal(["fn-a"], external.Value.Keys);
        Assert.True(external.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task ListServicesAsync_Filter_EvaluatedPerInstance()
    {
        await _client.RegisterAsync(Lambda("fn-a"), ConsulScope.Default, CancellationToken.None);
        await _client.RegisterAsync(Lambda("fn-b", tags: ["other"]), ConsulScope.Default, CancellationToken.None);

        var managed = await _client.ListServicesAsync(
            ConsulScope.Default,
            new CatalogServicesQuery { Filter = $"\"{ManagedTag}\" in ServiceTags and Node == \"lambdas\"" },
            CancellationToken.None);

        Assert.Equal(["fn-a"], managed.Value.Keys);
    }

    [Fact]
    public async Task ListServicesAsync_BadFilter_ValidationError()
    {
        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.ListServicesAsync(ConsulScope.Default, new CatalogServicesQuery { Filter = "NoSuchField ==" }, CancellationToken.None));

        Assert.Contains("Failed to create boolean expression evaluator", e.ResponseBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetServiceAsync_Registered_InstancesWithNode()
    {
        await _client.RegisterAsync(Lambda("fn-a"), ConsulScope.Default, CancellationToken.None);

        var instances = await _client.GetServiceAsync("fn-a", ConsulScope.Default, CancellationToken.None);
        var unknown = await _client.GetServiceAsync("no-such-service", ConsulScope.Default, CancellationToken.None);

        var instance = Assert.Single(instances.Value);
        Assert.Equal("lambdas", instance.Node);
        Assert.Equal("fn-a", instance.ServiceId);
        Assert.Equal([ManagedTag], instance.ServiceTags);
        Assert.Equal("true", instance.NodeMeta["external-probe"]);
        Assert.Empty(unknown.Value);
    }
}
