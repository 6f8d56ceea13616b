using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientEnterpriseTests : IClassFixture<EnterpriseConsulFixture>, IDisposable
{
    private readonly EnterpriseConsulFixture _consul;
    private readonly ConsulClient _client;
    private readonly string _node = ConsulFixture.Unique("lambdas");
    private readonly string _fn = ConsulFixture.Unique("fn");

    public ConsulClientEnterpriseTests(EnterpriseConsulFixture consul)
    {
        _consul = consul;
        _client = consul.Client();
    }

    public void Dispose() => _client.Dispose();

    [ConsulEnterpriseFact]
    public async Task RegisterAsync_ScopeNamespace_VisibleOnlyThere()
    {
        var ns = ConsulFixture.Unique("team");
        await ConsulAdmin.CreateNamespaceAsync(_consul.Target.Address, ns);
        var scope = new ConsulScope(Namespace: ns);

        await _client.RegisterAsync(ConsulClientCatalogTests.Lambda(_fn, _node), scope, CancellationToken.None);

        var inNamespace = await _client.GetNodeServicesAsync(_node, scope, CancellationToken.None);
        var inDefault = await _client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None);
        var service = Assert.Single(inNamespace.Value.Services);
        Assert.Equal(ns, service.Namespace);
        Assert.Empty(inDefault.Value.Services);
    }

    [ConsulEnterpriseFact]
    public async Task RegisterAsync_ClientDefaultNamespaceAndPartition_UsedWhenScopeNamesNone()
    {
        var partition = ConsulFixture.Unique("part");
        var ns = ConsulFixture.Unique("team");
        await ConsulAdmin.CreatePartitionAsync(_consul.Target.Address, partition);
        await ConsulAdmin.CreateNamespaceAsync(_consul.Target.Address, ns, partition);
        using var client = _consul.Client(@namespace: ns, partition: partition);

        await client.RegisterAsync(ConsulClientCatalogTests.Lambda(_fn, _node), ConsulScope.Default, CancellationToken.None);

        var explicitScope = await _client.GetServiceAsync(_fn, new ConsulScope(Partition: partition, Namespace: ns), CancellationToken.None);
        var instance = Assert.Single(explicitScope.Value);
        Assert.Equal(partition, instance.Partition);
        Assert.Equal(ns, instance.Namespace);
        Assert.Empty((await _client.GetServiceAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
    }

    [ConsulEnterpriseFact]
    public async Task SetServiceDefaultsAsync_InPartitionNamespace_ReadBackThereOnly()
    {
        var partition = ConsulFixture.Unique("part");
        var ns = ConsulFixture.Unique("team");
        await ConsulAdmin.CreatePartitionAsync(_consul.Target.Address, partition);
        await ConsulAdmin.CreateNamespaceAsync(_consul.Target.Address, ns, partition);
        var scope = new ConsulScope(Partition: partition, Namespace: ns);

        Assert.True(await _client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = _fn, Protocol = "http" }, scope, cas: 0, CancellationToken.None));

        var there = await _client.GetServiceDefaultsAsync(_fn, scope, CancellationToken.None);
        Assert.Equal(partition, there.Value?.Partition);
        Assert.Equal(ns, there.Value?.Namespace);
        Assert.Null((await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
        Assert.True(await _client.DeleteServiceDefaultsAsync(_fn, scope, there.Value!.ModifyIndex, CancellationToken.None));
    }

    [ConsulEnterpriseFact]
    public async Task RegisterAsync_MissingNamespace_ValidationErrorNamingIt()
    {
        var missing = ConsulFixture.Unique("nope");

        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.RegisterAsync(ConsulClientCatalogTests.Lambda(_fn, _node), new ConsulScope(Namespace: missing), CancellationToken.None));

        Assert.Contains($"Namespace \"{missing}\" does not exist", e.Message, StringComparison.Ordinal);
    }
}
