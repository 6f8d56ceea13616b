using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Simulator;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientEnterpriseTests : IClassFixture<EnterpriseSimulatorFixture>, IDisposable
{
    private readonly EnterpriseSimulatorFixture _sim;
    private readonly ConsulClient _client;

    public ConsulClientEnterpriseTests(EnterpriseSimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
        _client = sim.Client();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task RegisterAsync_ScopeNamespace_SentAsNsAndVisibleOnlyThere()
    {
        await ConsulAdmin.CreateNamespaceAsync(_sim.Server.BaseAddress, "team-a");
        var teamA = new ConsulScope(Namespace: "team-a");

        await _client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), teamA, CancellationToken.None);

        var inTeamA = await _client.GetNodeServicesAsync("lambdas", teamA, CancellationToken.None);
        var inDefault = await _client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);
        var service = Assert.Single(inTeamA.Value.Services);
        Assert.Equal("team-a", service.Namespace);
        Assert.Empty(inDefault.Value.Services);
        var register = Assert.Single(_sim.Server.Stats.Requests(), r => r.Endpoint == "PUT /v1/catalog/register");
        Assert.Contains("ns=team-a", register.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ClientDefaultNamespaceAndPartition_UsedWhenScopeNamesNone()
    {
        await ConsulAdmin.CreatePartitionAsync(_sim.Server.BaseAddress, "part-1");
        await ConsulAdmin.CreateNamespaceAsync(_sim.Server.BaseAddress, "team-b", "part-1");
        using var client = _sim.Client(@namespace: "team-b", partition: "part-1");

        await client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None);

        var explicitScope = await _client.GetServiceAsync("fn", new ConsulScope(Partition: "part-1", Namespace: "team-b"), CancellationToken.None);
        var instance = Assert.Single(explicitScope.Value);
        Assert.Equal("part-1", instance.Partition);
        Assert.Equal("team-b", instance.Namespace);
        Assert.Empty((await _client.GetServiceAsync("fn", ConsulScope.Default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_InPartitionNamespace_ReadBackThereOnly()
    {
        await ConsulAdmin.CreatePartitionAsync(_sim.Server.BaseAddress, "part-2");
        await ConsulAdmin.CreateNamespaceAsync(_sim.Server.BaseAddress, "team-c", "part-2");
        var scope = new ConsulScope(Partition: "part-2", Namespace: "team-c");

        Assert.True(await _client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = "fn", Protocol = "http" }, scope, cas: 0, CancellationToken.None));

        var there = await _client.GetServiceDefaultsAsync("fn", scope, CancellationToken.None);
        Assert.Equal("part-2", there.Value?.Partition);
        Assert.Equal("team-c", there.Value?.Namespace);
        Assert.Null((await _client.GetServiceDefaultsAsync("fn", ConsulScope.Default, CancellationToken.None)).Value);
        Assert.True(await _client.DeleteServiceDefaultsAsync("fn", scope, there.Value!.ModifyIndex, CancellationToken.None));
    }

    [Fact]
    public async Task RegisterAsync_MissingNamespace_ValidationErrorNamingIt()
    {
        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), new ConsulScope(Namespace: "nope"), CancellationToken.None));

        Assert.Contains("Namespace \"nope\" does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListNamespacesAsync_Partition_ListsItsNamespaces()
    {
        await ConsulAdmin.CreateNamespaceAsync(_sim.Server.BaseAddress, "team-d");

        var namespaces = await _client.ListNamespacesAsync(ConsulScope.Default, CancellationToken.None);

        Assert.Equal(["default", "team-d"], namespaces.Value.Select(n => n.Name).Order(StringComparer.Ordinal));
    }
}
