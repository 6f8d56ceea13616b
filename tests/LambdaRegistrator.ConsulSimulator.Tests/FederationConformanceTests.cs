using System.Text.Json;
using LambdaRegistrator.TestKit.Consul;
using Xunit.Abstractions;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// WAN federation facts a client must live with, against <see cref="FederationFixture"/>: config entry writes are
/// carried out in the primary whatever datacenter they name, secondaries hold replicated copies with their own
/// indexes (so a CAS index read there fails in the primary), replication lags and then converges, catalogs stay per
/// datacenter, and the datacenters and the primary can be discovered.
/// </summary>
public sealed class FederationConformanceTests : IClassFixture<FederationFixture>
{
    private readonly FederationFixture _fixture;

    public FederationConformanceTests(FederationFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        output.WriteLine($"Consul federation: {fixture.Target.Kind} ({ConsulBinary.Describe()})");
    }

    private ConsulApi Api => _fixture.Api;

    private string Primary => _fixture.Primary;

    private string Secondary => _fixture.Secondary;

    private static string Entry(string name, string protocol) =>
        "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"" + protocol + "\"}";

    private async Task<JsonElement?> ReadAsync(string name, string dc)
    {
        var reply = await Api.GetAsync($"/v1/config/service-defaults/{name}?dc={dc}");
        return reply.Status == 200 ? reply.Json() : null;
    }

    private async Task<bool> SecondaryHasAsync(string name, string protocol) =>
        (await ReadAsync(name, Secondary))?.GetProperty("Protocol").GetString() == protocol;

    /// <summary>Moves the secondary's raft index on, so that its indexes cannot coincide with the primary's.</summary>
    private async Task AdvanceSecondaryIndexAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            var node = ConsulApi.UniqueName("bump");
            var reply = await Api.PutAsync("/v1/catalog/register",
                "{\"Datacenter\":\"" + Secondary + "\",\"Node\":\"" + node + "\",\"Address\":\"10.0.0.9\"}");
            Assert.Equal(200, reply.Status);
        }
    }

    [Fact]
    public void FederationTarget_Chosen_MatchesConsulOnPath()
    {
        Assert.Equal(ConsulBinary.UseRealConsul ? ConsulTargetKind.RealConsul : ConsulTargetKind.Simulator, _fixture.Target.Kind);
        Assert.Equal(["dc1", "dc2"], _fixture.Target.Datacenters);
    }

    [Fact]
    public async Task ConfigPut_SecondaryDatacenter_IsCarriedOutInPrimary()
    {
        var name = ConsulApi.UniqueName("fwd");

        var reply = await Api.PutAsync($"/v1/config?dc={Secondary}", Entry(name, "http"));

        Assert.Equal((200, "true"), (reply.Status, reply.Body));
        Assert.Equal("http", (await ReadAsync(name, Primary))?.GetProperty("Protocol").GetString());
    }

    [Fact]
    public async Task ConfigPut_ThroughSecondaryAgent_IsCarriedOutInPrimary()
    {
        var name = ConsulApi.UniqueName("agent2");
        using var secondaryAgent = new ConsulApi(_fixture.Target.AgentAddress(Secondary));

        var reply = await secondaryAgent.PutAsync("/v1/config", Entry(name, "grpc"));

        Assert.Equal("true", reply.Body);
        Assert.Equal("grpc", (await ReadAsync(name, Primary))?.GetProperty("Protocol").GetString());
    }

    [Fact]
    public async Task ConfigGet_Secondary_LagsThenConvergesWithItsOwnModifyIndex()
    {
        await AdvanceSecondaryIndexAsync();
        var name = ConsulApi.UniqueName("repl");
        await Api.PutAsync("/v1/config", Entry(name, "http"));

        await _fixture.ReplicatedAsync(() => SecondaryHasAsync(name, "http"), $"{name} in {Secondary}");

        var primaryIndex = (await ReadAsync(name, Primary))!.Value.GetProperty("ModifyIndex").GetUInt64();
        var secondaryReply = await Api.GetAsync($"/v1/config/service-defaults/{name}?dc={Secondary}");
        var secondaryIndex = secondaryReply.Json().GetProperty("ModifyIndex").GetUInt64();
        Assert.NotEqual(primaryIndex, secondaryIndex);
        Assert.True(secondaryIndex <= secondaryReply.Index, $"the copy's index {secondaryIndex} comes from the secondary's log ({secondaryReply.Index})");
    }

    [Fact]
    public async Task ConfigPut_CasFromSecondaryIndex_AnswersFalseAndCasFromPrimaryIndexTrue()
    {
        await AdvanceSecondaryIndexAsync();
        var name = ConsulApi.UniqueName("cas");
        await Api.PutAsync("/v1/config", Entry(name, "http"));
        await _fixture.ReplicatedAsync(() => SecondaryHasAsync(name, "http"), $"{name} in {Secondary}");
        var secondaryIndex = (await ReadAsync(name, Secondary))!.Value.GetProperty("ModifyIndex").GetUInt64();
        var primaryIndex = (await ReadAsync(name, Primary))!.Value.GetProperty("ModifyIndex").GetUInt64();

        var fromSecondary = await Api.PutAsync($"/v1/config?dc={Secondary}&cas={secondaryIndex}", Entry(name, "grpc"));
        var fromPrimary = await Api.PutAsync($"/v1/config?dc={Secondary}&cas={primaryIndex}", Entry(name, "grpc"));

        Assert.Equal("false", fromSecondary.Body);
        Assert.Equal("true", fromPrimary.Body);
    }

    [Fact]
    public async Task ConfigDelete_SecondaryDatacenter_DeletesInPrimaryThenInSecondary()
    {
        var name = ConsulApi.UniqueName("del");
        await Api.PutAsync("/v1/config", Entry(name, "http"));
        await _fixture.ReplicatedAsync(() => SecondaryHasAsync(name, "http"), $"{name} in {Secondary}");

        var reply = await Api.DeleteAsync($"/v1/config/service-defaults/{name}?dc={Secondary}");

        Assert.Equal((200, "{}"), (reply.Status, reply.Body));
        Assert.Null(await ReadAsync(name, Primary));
        await _fixture.ReplicatedAsync(async () => await ReadAsync(name, Secondary) is null, $"the deletion of {name} in {Secondary}");
    }

    [Fact]
    public async Task ExportedServicesPut_SecondaryDatacenter_Returns500()
    {
        var reply = await Api.PutAsync($"/v1/config?dc={Secondary}",
            "{\"Kind\":\"exported-services\",\"Name\":\"default\",\"Services\":[{\"Name\":\"x\",\"Consumers\":[{\"Peer\":\"p\"}]}]}");

        Assert.Equal((500, "exported-services writes must not target secondary datacenters."), (reply.Status, reply.Body));
    }

    [Fact]
    public async Task Register_Secondary_StaysInThatCatalog()
    {
        var service = ConsulApi.UniqueName("remote");
        await Api.PutAsync("/v1/catalog/register",
            "{\"Datacenter\":\"" + Secondary + "\",\"Node\":\"" + ConsulApi.UniqueName("n") + "\",\"Address\":\"10.0.0.8\",\"Service\":{\"Service\":\"" + service + "\"}}");

        var inSecondary = await Api.GetAsync($"/v1/catalog/service/{service}?dc={Secondary}");
        var inPrimary = await Api.GetAsync($"/v1/catalog/service/{service}");

        Assert.Equal(Secondary, inSecondary.Json()[0].GetProperty("Datacenter").GetString());
        Assert.Equal("[]", inPrimary.Body);
    }

    [Fact]
    public async Task Datacenters_FromEitherAgent_ListsBothOwnFirst()
    {
        using var secondaryAgent = new ConsulApi(_fixture.Target.AgentAddress(Secondary));

        var fromPrimary = (await Api.GetAsync("/v1/catalog/datacenters")).Json().EnumerateArray().Select(e => e.GetString()!).ToArray();
        var fromSecondary = (await secondaryAgent.GetAsync("/v1/catalog/datacenters")).Json().EnumerateArray().Select(e => e.GetString()!).ToArray();

        Assert.Equal([Primary, Secondary], fromPrimary);
        Assert.Equal([Secondary, Primary], fromSecondary);
    }

    [Fact]
    public async Task AgentSelf_SecondaryAgent_NamesItsDatacenterAndThePrimary()
    {
        using var secondaryAgent = new ConsulApi(_fixture.Target.AgentAddress(Secondary));

        var config = (await secondaryAgent.GetAsync("/v1/agent/self")).Json().GetProperty("Config");

        Assert.Equal(Secondary, config.GetProperty("Datacenter").GetString());
        Assert.Equal(Primary, config.GetProperty("PrimaryDatacenter").GetString());
    }
}
