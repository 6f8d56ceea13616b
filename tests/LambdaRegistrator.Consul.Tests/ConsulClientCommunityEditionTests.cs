using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Simulator;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientCommunityEditionTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _sim;

    public ConsulClientCommunityEditionTests(SimulatorFixture sim)
    {
        _sim = sim;
        _sim.Server.Reset();
    }

    [Fact]
    public async Task RegisterAsync_NamespaceOnCommunityEdition_EnterpriseFeatureError()
    {
        using var client = _sim.Client();

        var e = await Assert.ThrowsAsync<ConsulEnterpriseFeatureException>(() =>
            client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn"), new ConsulScope(Namespace: "team-a"), CancellationToken.None));

        Assert.Contains("Community Edition", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _sim.Server.Stats.Count("PUT /v1/catalog/register"));
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_DefaultPartitionFromOptionsOnCommunityEdition_EnterpriseFeatureError()
    {
        using var client = _sim.Client(partition: "default");

        var e = await Assert.ThrowsAsync<ConsulEnterpriseFeatureException>(() =>
            client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = "fn" }, ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Contains("partition", e.ResponseBody, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ListNamespacesAsync_CommunityEdition_EnterpriseFeatureError()
    {
        using var client = _sim.Client();

        var e = await Assert.ThrowsAsync<ConsulEnterpriseFeatureException>(() => client.ListNamespacesAsync(ConsulScope.Default, CancellationToken.None));

        Assert.Contains("Community Edition", e.Message, StringComparison.Ordinal);
    }
}
