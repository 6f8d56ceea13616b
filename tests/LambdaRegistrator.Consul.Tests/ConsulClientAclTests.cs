using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientAclTests : IClassFixture<AclConsulFixture>
{
    private readonly AclConsulFixture _consul;
    private readonly string _node = ConsulFixture.Unique("lambdas");
    private readonly string _fn = ConsulFixture.Unique("fn");

    public ConsulClientAclTests(AclConsulFixture consul)
    {
        _consul = consul;
    }

    private Task<string> TokenAsync(string rules) => ConsulAdmin.CreateTokenAsync(_consul.Target.Address, AclConsulFixture.ManagementToken, rules);

    private CatalogRegistration Lambda() => ConsulClientCatalogTests.Lambda(_fn, _node);

    [Fact]
    public async Task RegisterAsync_NoToken_DeniedNamingMissingRuleAndVariable()
    {
        using var client = _consul.Client();

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() => client.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None));

        Assert.True(e.Anonymous);
        Assert.Equal("service:write", e.Permission);
        Assert.Equal(_fn, e.Resource);
        Assert.Contains("CONSUL_HTTP_TOKEN", e.Message, StringComparison.Ordinal);
        Assert.Contains($"service \"{_fn}\" {{ policy = \"write\" }}", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task RegisterAsync_UnknownToken_TokenNotFoundWithoutLeakingIt()
    {
        const string secret = "00000000-dead-beef-0000-000000000000";
        using var client = _consul.Client(token: secret);

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() => client.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None));

        Assert.True(e.TokenNotFound);
        Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ManagementToken_Registered()
    {
        using var client = _consul.Client(token: AclConsulFixture.ManagementToken);

        await client.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None);

        var services = await client.GetNodeServicesAsync(_node, ConsulScope.Default, CancellationToken.None);
        Assert.Equal(_fn, Assert.Single(services.Value.Services).Id);
    }

    [Fact]
    public async Task RegisterAsync_ServiceWriteOnNewNode_DeniedForNodeWrite()
    {
        using var client = _consul.Client(token: await TokenAsync("service_prefix \"\" { policy = \"write\" }"));

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() => client.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None));

        Assert.False(e.Anonymous);
        Assert.Equal("node:write", e.Permission);
        Assert.Equal(_node, e.Resource);
        Assert.Contains($"node \"{_node}\" {{ policy = \"write\" }}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ServiceAndNodeWrite_RegisteredAndListed()
    {
        using var client = _consul.Client(token: await TokenAsync($"service_prefix \"\" {{ policy = \"write\" }}\nnode \"{_node}\" {{ policy = \"write\" }}"));

        await client.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None);

        Assert.Contains(_fn, (await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None)).Value.Keys);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_TokenForAnotherService_DeniedServiceWrite()
    {
        using var client = _consul.Client(token: await TokenAsync("service \"other\" { policy = \"write\" }"));

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() =>
            client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = _fn, Protocol = "http" }, ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Equal("service:write", e.Permission);
        Assert.Equal(_fn, e.Resource);
    }

    [Fact]
    public async Task ListServicesAsync_Anonymous_FilteredNotDenied()
    {
        using (var admin = _consul.Client(token: AclConsulFixture.ManagementToken))
        {
            await admin.RegisterAsync(Lambda(), ConsulScope.Default, CancellationToken.None);
        }

        using var anonymous = _consul.Client();
        var services = await anonymous.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);

        Assert.DoesNotContain(_fn, services.Value.Keys);
    }

    [Fact]
    public async Task DeregisterAsync_GoneServiceWithoutNodeWrite_TreatedAsDone()
    {
        using var client = _consul.Client(token: await TokenAsync("service_prefix \"\" { policy = \"write\" }"));

        await client.DeregisterAsync(new CatalogDeregistration { Node = _node, ServiceId = _fn }, ConsulScope.Default, CancellationToken.None);

        // The simulator's log shows Consul's 500 "Unknown service ID" answer was taken as success (a real consul has no log).
        if (_consul.Target.Stats is { } stats)
        {
            var recorded = Assert.Single(stats.Requests(), r => r.Endpoint == "PUT /v1/catalog/deregister" && r.StatusCode == 500);
            Assert.False(recorded.Faulted);
        }
    }
}
