using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>Namespaces and partitions against a Community Edition Consul (always the simulator: the consul on PATH may be Enterprise).</summary>
public sealed class ConsulClientCommunityEditionTests : IClassFixture<SimulatorFixture>
{
    private readonly SimulatorFixture _sim;

    public ConsulClientCommunityEditionTests(SimulatorFixture sim)
    {
        _sim = sim;
    }

    [Fact]
    public async Task RegisterAsync_NamespaceOnCommunityEdition_EnterpriseFeatureError()
    {
        using var client = _sim.Client();

        var e = await Assert.ThrowsAsync<ConsulEnterpriseFeatureException>(() =>
            client.RegisterAsync(ConsulClientCatalogTests.Lambda("fn", "lambdas"), new ConsulScope(Namespace: "team-a"), CancellationToken.None));

        Assert.Contains("Community Edition", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_DefaultPartitionFromOptionsOnCommunityEdition_EnterpriseFeatureError()
    {
        using var client = _sim.Client(partition: "default");

        var e = await Assert.ThrowsAsync<ConsulEnterpriseFeatureException>(() =>
            client.SetServiceDefaultsAsync(new ServiceDefaultsEntry { Name = "fn" }, ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Contains("partition", e.ResponseBody, StringComparison.OrdinalIgnoreCase);
    }
}
