using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Simulator;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientAclTests : IClassFixture<AclSimulatorFixture>
{
    private readonly AclSimulatorFixture _sim;

    public ConsulClientAclTests(AclSimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
    }

    private Task<string> TokenAsync(string rules) => ConsulAdmin.CreateTokenAsync(_sim.Server.BaseAddress, AclSimulatorFixture.ManagementToken, rules);

    [Fact]
    public async Task RegisterAsync_NoToken_DeniedNamingMissingRuleAndVariable()
    {
        using var client = _sim.Client();

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() =>
            client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None));

        Assert.True(e.Anonymous);
        Assert.Equal("service:write", e.Permission);
        Assert.Equal("fn", e.Resource);
        Assert.Contains("CONSUL_HTTP_TOKEN", e.Message, StringComparison.Ordinal);
        Assert.Contains("service \"fn\" { policy = \"write\" }", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sim.Server.Stats.Count("PUT /v1/catalog/register"));
    }

    [Fact]
    public async Task RegisterAsync_UnknownToken_TokenNotFoundWithoutLeakingIt()
    {
        const string secret = "00000000-dead-beef-0000-000000000000";
        using var client = _sim.Client(token: secret);

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() =>
            client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None));

        Assert.True(e.TokenNotFound);
        Assert.DoesNotContain(secret, e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ManagementToken_Registered()
    {
        using var client = _sim.Client(token: AclSimulatorFixture.ManagementToken);

        await client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None);

        var services = await client.GetNodeServicesAsync("lambdas", ConsulScope.Default, CancellationToken.None);
        Assert.Equal("fn", Assert.Single(services.Value.Services).Id);
    }

    [Fact]
    public async Task RegisterAsync_ServiceWriteOnNewNode_DeniedForNodeWrite()
    {
        using var client = _sim.Client(token: await TokenAsync("service_prefix \"\" { policy = \"write\" }"));

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() =>
            client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None));

        Assert.False(e.Anonymous);
        Assert.Equal("node:write", e.Permission);
        Assert.Equal("lambdas", e.Resource);
        Assert.Contains("node \"lambdas\" { policy = \"write\" }", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_ServiceAndNodeWrite_Registered()
    {
        using var client = _sim.Client(token: await TokenAsync("service_prefix \"\" { policy = \"write\" }\nnode \"lambdas\" { policy = \"write\" }"));

        await client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None);

        Assert.Contains("fn", (await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None)).Value.Keys);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_TokenForAnotherService_DeniedServiceWrite()
    {
        using var client = _sim.Client(token: await TokenAsync("service \"other\" { policy = \"write\" }"));

        var e = await Assert.ThrowsAsync<ConsulPermissionDeniedException>(() =>
            client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = "fn", Protocol = "http" }, ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Equal("service:write", e.Permission);
        Assert.Equal("fn", e.Resource);
    }

    [Fact]
    public async Task ListServicesAsync_Anonymous_FilteredNotDenied()
    {
        using (var admin = _sim.Client(token: AclSimulatorFixture.ManagementToken))
        {
            await admin.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), ConsulScope.Default, CancellationToken.None);
        }

        using var anonymous = _sim.Client();
        var services = await anonymous.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);

        Assert.DoesNotContain("fn", services.Value.Keys);
    }

    [Fact]
    public async Task DeregisterAsync_GoneServiceWithoutNodeWrite_TreatedAsDone()
    {
        using var client = _sim.Client(token: await TokenAsync("service_prefix \"\" { policy = \"write\" }"));

        await client.DeregisterAsync(new CatalogDeregistration { Node = "lambdas", ServiceId = "gone" }, ConsulScope.Default, CancellationToken.None);

        var recorded = Assert.Single(_sim.Server.Stats.Requests(), r => r.Endpoint == "PUT /v1/catalog/deregister");
        Assert.Equal(500, recorded.StatusCode);
    }
}
