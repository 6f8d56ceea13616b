using LambdaRegistrator.TestKit.Consul;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// State per datacenter on the simulator: register bodies pick the datacenter, reads take <c>?dc=</c>, and config
/// replication into a secondary happens exactly when the (fake) clock passes the replication delay.
/// </summary>
public sealed class DatacenterTests
{
    [Fact]
    public async Task Register_DatacenterInBody_LandsInThatDatacenterOnly()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] });
        using var api = new ConsulApi(target.Address);

        var reply = await api.PutAsync("/v1/catalog/register?dc=dc1",
            "{\"Datacenter\":\"dc2\",\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"remote-fn\"}}");
        var inDc2 = (await api.GetAsync("/v1/catalog/service/remote-fn?dc=dc2")).Json();
        var inDc1 = await api.GetAsync("/v1/catalog/service/remote-fn");

        Assert.Equal("true", reply.Body);
        Assert.Equal("dc2", inDc2[0].GetProperty("Datacenter").GetString());
        Assert.Equal("[]", inDc1.Body);
    }

    [Fact]
    public async Task Register_UnknownDatacenterInBody_Returns500NoPath()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var api = new ConsulApi(target.Address);

        var reply = await api.PutAsync("/v1/catalog/register", "{\"Datacenter\":\"dc9\",\"Node\":\"n\",\"SkipNodeUpdate\":true}");

        Assert.Equal((500, "No path to datacenter"), (reply.Status, reply.Body));
    }

    [Fact]
    public async Task Indexes_PerDatacenter_MoveIndependently()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] });
        using var api = new ConsulApi(target.Address);
        var dc2Before = await api.GetAsync("/v1/catalog/services?dc=dc2");

        await api.PutAsync("/v1/catalog/register", "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"local-fn\"}}");
        var dc2After = await api.GetAsync("/v1/catalog/services?dc=dc2");

        Assert.Equal(dc2Before.Index, dc2After.Index);
    }

    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    private static string Entry(string name, string protocol) =>
        "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"" + protocol + "\"}";

    [Fact]
    public async Task ConfigGet_SecondaryBeforeTheDelay_AnswersTheOldEntryThenTheNew()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            SimulatorOnly = true, AdditionalDatacenters = ["dc2"], TimeProvider = clock, ReplicationDelay = Delay,
        });
        using var api = new ConsulApi(target.Address);
        await api.PutAsync("/v1/config", Entry("lag", "http"));
        var beforeFirstRound = await api.GetAsync("/v1/config/service-defaults/lag?dc=dc2");
        clock.Advance(Delay);
        await api.PutAsync("/v1/config", Entry("lag", "grpc"));

        var staleCopy = (await api.GetAsync("/v1/config/service-defaults/lag?dc=dc2")).Json().GetProperty("Protocol").GetString();
        clock.Advance(Delay - TimeSpan.FromTicks(1));
        var stillStale = (await api.GetAsync("/v1/config/service-defaults/lag?dc=dc2")).Json().GetProperty("Protocol").GetString();
        clock.Advance(TimeSpan.FromTicks(1));
        var converged = (await api.GetAsync("/v1/config/service-defaults/lag?dc=dc2")).Json().GetProperty("Protocol").GetString();

        Assert.Equal(404, beforeFirstRound.Status);
        Assert.Equal(("http", "http", "grpc"), (staleCopy, stillStale, converged));
        Assert.True(target.Simulator!.ConfigReplicated);
    }

    [Fact]
    public async Task ConfigPut_ZeroDelay_ReplicatesWithinTheWrite()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            SimulatorOnly = true, AdditionalDatacenters = ["dc2"], ReplicationDelay = TimeSpan.Zero,
        });
        using var api = new ConsulApi(target.Address);

        await api.PutAsync("/v1/config", Entry("now", "http"));

        Assert.Equal(200, (await api.GetAsync("/v1/config/service-defaults/now?dc=dc2")).Status);
    }

    [Fact]
    public async Task ConfigPut_UnknownDatacenter_IsStillCarriedOutInPrimary()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var api = new ConsulApi(target.Address);

        var reply = await api.PutAsync("/v1/config?dc=nowhere", Entry("anywhere", "http"));

        Assert.Equal("true", reply.Body);
        Assert.Equal(200, (await api.GetAsync("/v1/config/service-defaults/anywhere")).Status);
    }

    [Fact]
    public async Task Start_PrimaryNotAmongDatacenters_FailsWithReason()
    {
        var e = await Assert.ThrowsAsync<ArgumentException>(() => ConsulSimulatorServer.StartAsync(
            new ConsulSimulatorOptions { AdditionalDatacenters = ["dc2"], PrimaryDatacenter = "dc3" }));

        Assert.Contains("dc3", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentSelf_PrimaryElsewhere_ReportsIt()
    {
        await using var server = await ConsulSimulatorServer.StartAsync(
            new ConsulSimulatorOptions { Datacenter = "dc2", AdditionalDatacenters = ["dc1"], PrimaryDatacenter = "dc1" });
        using var api = new ConsulApi(server.BaseAddress);

        var config = (await api.GetAsync("/v1/agent/self")).Json().GetProperty("Config");

        Assert.Equal(("dc2", "dc1"), (config.GetProperty("Datacenter").GetString(), config.GetProperty("PrimaryDatacenter").GetString()));
    }
}
