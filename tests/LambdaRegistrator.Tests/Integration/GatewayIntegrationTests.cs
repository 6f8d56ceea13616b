using System.Net.Http.Json;
using System.Text.Json;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using ConsulScope = LambdaRegistrator.Consul.ConsulScope;
using WireConfigEntry = LambdaRegistrator.Consul.ConfigEntries.ConfigEntry;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>TERMINATING_GATEWAY and EXPORT_TO against the Consul simulator: shared entries keep other people's items, in order.</summary>
public sealed class GatewayIntegrationTests(MotoFixture fixture) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string ForeignDb = """{"Name":"db","SNI":"db.example"}""";
    private MotoServer Moto => fixture.Moto;
    private string _role = string.Empty;

    public async Task InitializeAsync()
    {
        await Moto.ResetAsync();
        _role = await Moto.Seed.CreateRoleAsync("registrator-test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> FunctionAsync(string name, params (string Key, string Value)[] tags) =>
        await Moto.Seed.CreateFunctionAsync(name, _role, tags.ToDictionary(t => LambdaTags.Prefix + t.Key, t => t.Value, StringComparer.Ordinal));

    private async Task AliasAsync(string function, string alias)
    {
        var version = await Moto.Seed.PublishVersionAsync(function);
        await Moto.Seed.CreateAliasAsync(function, alias, version);
    }

    private static WireConfigEntry Entry(string kind, string name, string servicesJson)
    {
        using var document = JsonDocument.Parse(servicesJson);
        return new WireConfigEntry { Kind = kind, Name = name, Fields = new Dictionary<string, JsonElement> { ["Services"] = document.RootElement.Clone() } };
    }

    private static async Task PutAsync(Engine engine, WireConfigEntry entry, ConsulScope scope = default) =>
        Assert.True(await engine.Consul.SetConfigEntryAsync(entry, scope, null, CancellationToken.None));

    private static async Task<List<JsonElement>> ItemsAsync(Engine engine, string kind, string name, ConsulScope scope = default)
    {
        var entry = (await engine.Consul.GetConfigEntryAsync(kind, name, scope, CancellationToken.None)).Value;
        Assert.NotNull(entry);
        return entry.Fields is { } fields && fields.TryGetValue("Services", out var list) && list.ValueKind == JsonValueKind.Array ? [.. list.EnumerateArray()] : [];
    }

    private static async Task<List<string>> NamesAsync(Engine engine, string kind, string name, ConsulScope scope = default) =>
        [.. (await ItemsAsync(engine, kind, name, scope)).Select(i => i.GetProperty("Name").GetString()!)];

    [Fact]
    public async Task FullSync_GatewayListingOthers_ListsFunctionsAndAliasesKeepsOthersThenSteadyStateThenRemovesDeleted()
    {
        await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live"));
        await AliasAsync("orders", "live");
        await FunctionAsync("billing", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var engine = await Engine.StartAsync(Moto, consul, ("TERMINATING_GATEWAY", "gw"));
        await PutAsync(engine, Entry("terminating-gateway", "gw", $"[{ForeignDb},{{\"Name\":\"web\"}}]"));
        var foreign = (await ItemsAsync(engine, "terminating-gateway", "gw"))[0].GetRawText();

        var first = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, first.Outcome);
        var listed = await NamesAsync(engine, "terminating-gateway", "gw");
        Assert.Equal(["db", "web"], listed.Take(2));
        Assert.Equal(["billing", "orders", "orders-live"], listed.Skip(2).Order(StringComparer.Ordinal));
        Assert.Equal(foreign, (await ItemsAsync(engine, "terminating-gateway", "gw"))[0].GetRawText());
        var writes = consul.Stats!.Writes;

        var steady = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(steady.Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);

        await Moto.Seed.DeleteFunctionAsync("orders");
        var removed = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, removed.Outcome);
        Assert.Equal(["db", "web", "billing"], await NamesAsync(engine, "terminating-gateway", "gw"));
        Assert.Equal(["billing"], await engine.ServiceNamesAsync());
        Assert.Equal(foreign, (await ItemsAsync(engine, "terminating-gateway", "gw"))[0].GetRawText());
    }

    [Fact]
    public async Task TargetedSync_AliasRemovedFromTag_RemovedFromGatewayToo()
    {
        var arn = await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live"));
        await AliasAsync("orders", "live");
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var engine = await Engine.StartAsync(Moto, consul, ("TERMINATING_GATEWAY", "gw"));
        await PutAsync(engine, Entry("terminating-gateway", "gw", "[{\"Name\":\"web\"}]"));
        await engine.Registrator.FullSyncAsync(dryRun: false);
        var listed = await NamesAsync(engine, "terminating-gateway", "gw");
        Assert.Equal("web", listed[0]);
        Assert.Equal(["orders", "orders-live"], listed.Skip(1).Order(StringComparer.Ordinal));

        await Moto.Seed.TagResourceAsync(arn, new Dictionary<string, string> { [LambdaTags.Prefix + "aliases"] = "" });
        var report = await engine.Registrator.HandleEventAsync(Fakes.SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["web", "orders"], await NamesAsync(engine, "terminating-gateway", "gw"));
    }

    [Fact]
    public async Task FullSync_ForeignEditBetweenReadAndWrite_ReReadAndMergedNeverOverwritten()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var engine = await Engine.StartAsync(Moto, consul, ("TERMINATING_GATEWAY", "gw"));
        await PutAsync(engine, Entry("terminating-gateway", "gw", "[{\"Name\":\"web\"}]"));

        // The sync's config writes are the service-defaults entry, then the gateway entry: just before the gateway write
        // is served, another writer adds its own service.
        var configWrites = 0;
        consul.Faults!.Add(new FaultRule
        {
            PathPrefix = "/v1/config",
            Method = "PUT",
            Count = 2,
            BeforeServe = async () =>
            {
                if (Interlocked.Increment(ref configWrites) == 2)
                {
                    await PutAsync(engine, Entry("terminating-gateway", "gw", "[{\"Name\":\"web\"},{\"Name\":\"payments\"}]"));
                }
            },
        });

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(2, configWrites);
        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["web", "payments", "orders"], await NamesAsync(engine, "terminating-gateway", "gw"));
        Assert.Contains("\"CasLost\"", engine.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_TokenWithoutMeshWrite_ServiceRegisteredAndFailureNamesTheRule()
    {
        const string Management = "4d2c1b0a-management-token-0000-000000000001";
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AclBootstrapToken = Management });
        var token = await TokenAsync(consul, Management, "node_prefix \"\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"write\" }");
        using var engine = await Engine.StartAsync(Moto, consul, ("TERMINATING_GATEWAY", "gw"), ("CONSUL_HTTP_TOKEN", token));
        await PutAsync(engine, Entry("terminating-gateway", "gw", "[{\"Name\":\"web\"}]"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync());
        var outcome = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.Failed, outcome.Status);
        Assert.Contains("mesh = \"write\"", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("operator = \"write\"", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(["web"], await NamesAsync(engine, "terminating-gateway", "gw"));
        Assert.DoesNotContain(token, engine.Log + report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_GatewayEntryMissing_ReportedAndServicesRegistered()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var engine = await Engine.StartAsync(Moto, consul, ("TERMINATING_GATEWAY", "gw"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["orders"], await engine.ServiceNamesAsync());
        var problem = Assert.Single(report.Problems);
        Assert.Equal(PlanProblemKind.SharedEntryUnavailable, problem.Kind);
        Assert.Contains("CREATE_GATEWAY_ENTRIES=true", problem.Message, StringComparison.Ordinal);
        Assert.Null((await engine.Consul.GetConfigEntryAsync("terminating-gateway", "gw", default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task FullSync_PeerExportOnCommunityEdition_AddedBesideOtherExports()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var engine = await Engine.StartAsync(Moto, consul, ("EXPORT_TO", "peer:dc2"));
        await PutAsync(engine, Entry("exported-services", "default", """[{"Name":"web","Consumers":[{"Peer":"other"}]}]"""));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        var items = await ItemsAsync(engine, "exported-services", "default");
        Assert.Equal(["web", "orders"], items.Select(i => i.GetProperty("Name").GetString()));
        Assert.Equal("other", items[0].GetProperty("Consumers")[0].GetProperty("Peer").GetString());
        Assert.Equal("dc2", items[1].GetProperty("Consumers")[0].GetProperty("Peer").GetString());
        var writes = consul.Stats!.Writes;
        Assert.True((await engine.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_PartitionExportOnEnterprise_CreatesThePartitionsEntryWhenAllowed()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, Enterprise = true });
        using var engine = await Engine.StartAsync(Moto, consul,
            ("ENTERPRISE", "true"), ("EXPORT_TO", "partition:frontend"), ("CREATE_GATEWAY_ENTRIES", "true"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        var scope = new ConsulScope(null, "default", "default");
        var item = Assert.Single(await ItemsAsync(engine, "exported-services", "default", scope));
        Assert.Equal("orders", item.GetProperty("Name").GetString());
        Assert.Equal("default", item.GetProperty("Namespace").GetString());
        Assert.Equal("frontend", item.GetProperty("Consumers")[0].GetProperty("Partition").GetString());
        var writes = consul.Stats!.Writes;
        Assert.True((await engine.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);
    }

    private static async Task<string> TokenAsync(ConsulTarget consul, string management, string rules)
    {
        using var http = new HttpClient { BaseAddress = consul.Address };
        http.DefaultRequestHeaders.Add("X-Consul-Token", management);
        var policyBody = new Dictionary<string, string> { ["Name"] = "registrator", ["Rules"] = rules };
        using var policyContent = JsonContent.Create(policyBody, Fakes.TestJsonContext.Default.DictionaryStringString);
        var policy = await http.PutAsync("/v1/acl/policy", policyContent);
        policy.EnsureSuccessStatusCode();
        using var policyJson = JsonDocument.Parse(await policy.Content.ReadAsStringAsync());
        var id = policyJson.RootElement.GetProperty("ID").GetString();
        using var tokenContent = new StringContent("{\"Policies\":[{\"ID\":\"" + id + "\"}]}");
        var token = await http.PutAsync("/v1/acl/token", tokenContent);
        token.EnsureSuccessStatusCode();
        using var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        return tokenJson.RootElement.GetProperty("SecretID").GetString()!;
    }
}
