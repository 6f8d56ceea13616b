using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientCatalogTests : IClassFixture<ConsulFixture>, IDisposable
{
    internal const string ManagedTag = "managed-by-lambda-registrator";
    private readonly ConsulClient _client;
    private readonly string _node = ConsulFixture.Unique("lambdas");

    public ConsulClientCatalogTests(ConsulFixture consul)
    {
        _client = consul.Client();
    }

    public void Dispose() => _client.Dispose();

    internal static CatalogRegistration Lambda(string name, string node, IReadOnlyList<string>? tags = null) => new()
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
        var name = ConsulFixture.Unique("fn");
        await _client.RegisterAsync(Lambda(name, _node), ConsulScope.Default, CancellationToken.None);

        var result = await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None);

        Assert.Equal(_node, result.Value.Node?.Name);
        Assert.Equal("true", result.Value.Node?.Meta["external-node"]);
        var service = Assert.Single(result.Value.Services);
        Assert.Equal(name, service.Id);
        Assert.Equal([ManagedTag], service.Tags);
        Assert.Equal("123456789012/eu-west-1", service.Meta["lambda-registrator-owner"]);
        Assert.True(service.ModifyIndex > 0);
        Assert.True(result.Meta.LastIndex > 0);
        Assert.True(result.Meta.KnownLeader);
    }

    [Fact]
    public async Task RegisterAsync_SameIdAgain_ReplacesTheRecord()
    {
        var name = ConsulFixture.Unique("fn");
        await _client.RegisterAsync(Lambda(name, _node, tags: ["one", "two"]), ConsulScope.Default, CancellationToken.None);
        var first = Assert.Single((await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None)).Value.Services);

        await _client.RegisterAsync(Lambda(name, _node, tags: ["three"]), ConsulScope.Default, CancellationToken.None);

        var second = Assert.Single((await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None)).Value.Services);
        Assert.Equal(["three"], second.Tags);
        Assert.Equal(first.CreateIndex, second.CreateIndex);
        Assert.True(second.ModifyIndex > first.ModifyIndex);
    }

    [Fact]
    public async Task RegisterAsync_UnknownDatacenter_UnavailableNamingTheFix()
    {
        var e = await Assert.ThrowsAsync<ConsulUnavailableException>(() =>
            _client.RegisterAsync(Lambda("fn", _node), new ConsulScope(Datacenter: "nowhere"), CancellationToken.None));

        Assert.Contains("No path to datacenter", e.ResponseBody, StringComparison.Ordinal);
        Assert.Contains("DATACENTER", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_NoNodeName_ValidationError()
    {
        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.RegisterAsync(Lambda("fn", _node) with { Node = string.Empty }, ConsulScope.Default, CancellationToken.None));

        Assert.Contains("Must provide node", e.Message, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, e.StatusCode);
    }

    [Fact]
    public async Task RegisterAsync_ReservedServiceMetaKey_ValidationError()
    {
        var registration = Lambda("fn", _node);
        registration = registration with
        {
            Service = registration.Service! with { Meta = new Dictionary<string, string> { ["consul-owner"] = "x" } },
        };

        var e = await Assert.ThrowsAsync<ConsulValidationException>(() => _client.RegisterAsync(registration, ConsulScope.Default, CancellationToken.None));

        Assert.Contains("Invalid Service Meta", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeregisterAsync_RegisteredService_OnlyThatOneRemoved()
    {
        await _client.RegisterAsync(Lambda("fn-a", _node), ConsulScope.Default, CancellationToken.None);
        await _client.RegisterAsync(Lambda("fn-b", _node), ConsulScope.Default, CancellationToken.None);

        await _client.DeregisterAsync(new CatalogDeregistration { Node = _node, ServiceId = "fn-a" }, ConsulScope.Default, CancellationToken.None);

        var services = (await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None)).Value.Services;
        Assert.Equal(["fn-b"], services.Select(s => s.Id));
    }

    [Fact]
    public async Task DeregisterAsync_ServiceAlreadyGone_SucceedsAndKeepsOthers()
    {
        await _client.RegisterAsync(Lambda("fn-a", _node), ConsulScope.Default, CancellationToken.None);

        await _client.DeregisterAsync(new CatalogDeregistration { Node = _node, ServiceId = "never-registered" }, ConsulScope.Default, CancellationToken.None);

        var services = (await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None)).Value.Services;
        Assert.Equal(["fn-a"], services.Select(s => s.Id));
    }

    [Fact]
    public async Task GetNodeServicesAsync_UnknownNode_NullNodeAndNoServices()
    {
        var result = await _client.GetNodeServicesAsync(ConsulFixture.Unique("no-such-node"), ConsulScope.Default, CancellationToken.None);

        Assert.Null(result.Value.Node);
        Assert.Empty(result.Value.Services);
        Assert.True(result.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task ListServicesAsync_NodeMeta_OnlyServicesOnMatchingNodes()
    {
        var marker = ConsulFixture.Unique("marker");
        var lambda = ConsulFixture.Unique("fn");
        var web = ConsulFixture.Unique("web");
        await _client.RegisterAsync(
            Lambda(lambda, _node) with { SkipNodeUpdate = false, Address = "10.0.0.8", NodeMeta = new Dictionary<string, string> { ["external-node"] = "true", ["marker"] = marker } },
            ConsulScope.Default,
            CancellationToken.None);
        await _client.RegisterAsync(
            new CatalogRegistration { Node = ConsulFixture.Unique("vm"), Address = "10.0.0.9", NodeMeta = new Dictionary<string, string> { ["marker"] = marker }, Service = new AgentService { Service = web, Tags = ["v1"] } },
            ConsulScope.Default,
            CancellationToken.None);

        var all = await _client.ListServicesAsync(ConsulScope.Default, query: null, CancellationToken.None);
        var external = await _client.ListServicesAsync(
            ConsulScope.Default,
            new CatalogServicesQuery { NodeMeta = new Dictionary<string, string> { ["external-node"] = "true", ["marker"] = marker } },
            CancellationToken.None);

        Assert.Equal([ManagedTag], all.Value[lambda]);
        Assert.Equal(["v1"], all.Value[web]);
        Assert.Equal([lambda], external.Value.Keys);
        Assert.True(external.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task ListServicesAsync_Filter_EvaluatedPerInstance()
    {
        await _client.RegisterAsync(Lambda("fn-a", _node), ConsulScope.Default, CancellationToken.None);
        await _client.RegisterAsync(Lambda("fn-b", _node, tags: ["other"]), ConsulScope.Default, CancellationToken.None);

        var managed = await _client.ListServicesAsync(
            ConsulScope.Default,
            new CatalogServicesQuery { Filter = $"\"{ManagedTag}\" in ServiceTags and Node == \"{_node}\"" },
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
        var name = ConsulFixture.Unique("fn");
        await _client.RegisterAsync(Lambda(name, _node), ConsulScope.Default, CancellationToken.None);

        var instances = await _client.GetServiceAsync(name, ConsulScope.Default, CancellationToken.None);
        var unknown = await _client.GetServiceAsync(ConsulFixture.Unique("no-such-service"), ConsulScope.Default, CancellationToken.None);

        var instance = Assert.Single(instances.Value);
        Assert.Equal(_node, instance.Node);
        Assert.Equal(name, instance.ServiceId);
        Assert.Equal([ManagedTag], instance.ServiceTags);
        Assert.Equal("true", instance.NodeMeta["external-probe"]);
        Assert.Empty(unknown.Value);
    }
}
