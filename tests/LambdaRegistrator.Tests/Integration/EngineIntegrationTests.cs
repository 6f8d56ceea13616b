using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using LambdaRegistrator.Tests.Fakes;
using ConsulScope = LambdaRegistrator.Consul.ConsulScope;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>The whole engine against moto_server (Lambda, Tagging, SSM) and the Consul simulator.</summary>
public sealed class EngineIntegrationTests(MotoFixture fixture) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private MotoServer Moto => fixture.Moto;

    private string _role = string.Empty;

    public async Task InitializeAsync()
    {
        await Moto.ResetAsync();
        _role = await Moto.Seed.CreateRoleAsync("registrator-test");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => LambdaTags.Prefix + t.Key, t => t.Value, StringComparer.Ordinal);

    private async Task<string> FunctionAsync(string name, params (string Key, string Value)[] tags) =>
        await Moto.Seed.CreateFunctionAsync(name, _role, Tags(tags));

    private async Task AliasAsync(string function, string alias)
    {
        var version = await Moto.Seed.PublishVersionAsync(function);
        await Moto.Seed.CreateAliasAsync(function, alias, version);
    }

    private static Task<ConsulTarget> SimulatorAsync(ConsulTargetOptions? options = null) =>
        ConsulTarget.StartAsync(options ?? new ConsulTargetOptions { SimulatorOnly = true });

    [Fact]
    public async Task FullSync_FirstSyncThenSteadyState_RegistersTaggedFunctionsAndThenWritesNothing()
    {
        var orders = await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live"));
        await AliasAsync("orders", "live");
        await FunctionAsync("billing", ("enabled", "True"), ("invocation-mode", "ASYNCHRONOUS"));
        await FunctionAsync("untagged");
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);

        var first = await engine.Registrator.FullSyncAsync(dryRun: false);

        // Every request the simulator saw so far was this sync's, and its counters saw each one.
        Assert.Equal(consul.Stats!.Reads + consul.Stats.Writes, first.Requests.ConsulRequests);
        Assert.True(first.Requests.AwsRequests > 0);
        Assert.Equal(3, first.Metrics.Registered);
        Assert.Equal(3, first.Metrics.ManagedServices);
        Assert.Equal(SyncOutcome.Succeeded, first.Outcome);
        Assert.Equal(["billing", "orders", "orders-live"], await engine.ServiceNamesAsync());
        var live = (await engine.EntryAsync("orders-live"))!;
        Assert.Equal(orders + ":live", Engine.Argument(live, "arn"));
        Assert.Equal("asynchronous", Engine.Argument((await engine.EntryAsync("billing"))!, "invocationMode"));
        var service = (await engine.ServicesAsync()).Single(s => s.Id == "orders");
        Assert.Equal([Ownership.ManagedTag], service.Tags);
        Assert.Equal($"{MotoServer.AccountId}/{MotoServer.Region}", service.Meta[Ownership.RegistratorIdKey]);

        var writes = consul.Stats!.Writes;
        var second = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, second.Outcome);
        Assert.True(second.Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);
        Assert.Equal(3, second.Summary.Unchanged);
    }

    [Fact]
    public async Task FullSync_Tagging_AliasesConfirmedWithQualifiedGetFunction_MissingAliasIsNotRegistered()
    {
        await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live+gone"));
        await AliasAsync("orders", "live");
        await FunctionAsync("billing", ("enabled", "true"), ("aliases", "gone+blue"));
        await AliasAsync("billing", "blue");
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);

        var first = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, first.Outcome);
        Assert.Equal(["billing", "billing-blue", "orders", "orders-live"], await engine.ServiceNamesAsync());
        Assert.Equal(2, first.Problems.Count(p => p.Kind == PlanProblemKind.MissingAlias));
        // GetResources + orders:live, orders:gone + billing:gone, billing (settles the 404), billing:blue; no ListAliases.
        Assert.Equal(6, first.Requests.AwsRequests);
    }

    // The per-event cost: an event for a function that did not change costs at most 4 requests in all and writes nothing, however
    // many aliases it has: GetFunction + ListAliases on AWS, node-services + one filtered service-defaults list on Consul.
    [Fact]
    public async Task HandleEvent_UnchangedFunctionWithTwoAliases_TwoConsulReadsAndNoWrites()
    {
        await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live+canary"));
        await AliasAsync("orders", "live");
        await AliasAsync("orders", "canary");
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        Assert.Equal(SyncOutcome.Succeeded, (await engine.Registrator.FullSyncAsync(dryRun: false)).Outcome);
        var (reads, writes) = (consul.Stats!.Reads, consul.Stats.Writes);

        var report = await engine.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.True(report.Plan!.IsEmpty);
        Assert.Equal(3, report.Summary.Unchanged);
        Assert.Equal(2, consul.Stats.Reads - reads);
        Assert.Equal(writes, consul.Stats.Writes);

        // The invocation's own request counters see exactly these requests (GetFunction + ListAliases; two Consul reads).
        Assert.Equal(new Metrics.RequestCounts(AwsRequests: 2, AwsThrottles: 0, ConsulRequests: 2, ConsulRetries: 0), report.Requests);
    }

    [Fact]
    public async Task FullSync_ListFunctionsStrategy_RegistersTheSameServices()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await FunctionAsync("disabled", ("enabled", "false"));
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul, ("INVENTORY_STRATEGY", "list-functions"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync());
    }

    [Fact]
    public async Task TargetedSync_TagChangeThenUntag_UpdatesThenDeregisters()
    {
        var arn = await FunctionAsync("orders", ("enabled", "true"));
        await FunctionAsync("billing", ("enabled", "true"));
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        await engine.Registrator.FullSyncAsync(dryRun: false);

        await Moto.Seed.TagResourceAsync(arn, Tags(("payload-passthrough", "true")));
        var tagged = await engine.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, tagged.Outcome);
        Assert.Equal(PlanActionKind.Update, Assert.Single(tagged.Actions).Action.Kind);
        Assert.Equal("true", Engine.Argument((await engine.EntryAsync("orders"))!, "payloadPassthrough"));

        await Moto.Seed.TagResourceAsync(arn, Tags(("enabled", "false")));
        var untagged = await engine.Registrator.HandleEventAsync(SampleEvents.Load("untag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(PlanActionKind.Deregister, Assert.Single(untagged.Actions).Action.Kind);
        Assert.Equal(["billing"], await engine.ServiceNamesAsync());
        Assert.Null(await engine.EntryAsync("orders"));
    }

    [Fact]
    public async Task TargetedSync_DeleteFunctionEvent_DeregistersTheFunctionAndItsAliases()
    {
        await FunctionAsync("orders", ("enabled", "true"), ("aliases", "live"));
        await AliasAsync("orders", "live");
        await FunctionAsync("billing", ("enabled", "true"));
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        await engine.Registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(["billing", "orders", "orders-live"], await engine.ServiceNamesAsync());

        await Moto.Seed.DeleteFunctionAsync("orders");
        var report = await engine.Registrator.HandleEventAsync(SampleEvents.Load("delete-function.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(2, report.Plan!.Count(PlanActionKind.Deregister));
        Assert.Equal(["billing"], await engine.ServiceNamesAsync());
        Assert.Null(await engine.EntryAsync("orders-live"));
    }

    [Fact]
    public async Task Aliases_AddedThenRemovedFromTheTag_RegisterThenDeregisterTheAliasService()
    {
        var arn = await FunctionAsync("orders", ("enabled", "true"));
        await AliasAsync("orders", "live");
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        await engine.Registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync());

        await Moto.Seed.TagResourceAsync(arn, Tags(("aliases", "live+canary")));
        var added = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["orders", "orders-live"], await engine.ServiceNamesAsync());
        Assert.Contains(added.Problems, p => p.Kind == PlanProblemKind.MissingAlias && p.Message.Contains("canary", StringComparison.Ordinal));

        await Moto.Seed.TagResourceAsync(arn, Tags(("aliases", "canary")));
        var removed = await engine.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(PlanActionKind.Deregister, Assert.Single(removed.Actions).Action.Kind);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync());
    }

    [Fact]
    public async Task FullSync_Enterprise_PlacesServicesInTheirPartitionAndNamespace()
    {
        await FunctionAsync("orders", ("enabled", "true"), ("partition", "team"), ("namespace", "payments"));
        await FunctionAsync("billing", ("enabled", "true"));
        await FunctionAsync("elsewhere", ("enabled", "true"), ("partition", "unmanaged"));
        await using var consul = await SimulatorAsync(new ConsulTargetOptions { SimulatorOnly = true, Enterprise = true });
        await Engine.CreateTenancyAsync(consul, "team", "payments");
        using var engine = await Engine.StartAsync(Moto, consul, ("ENTERPRISE", "true"), ("PARTITIONS", "default,team"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync(new ConsulScope(null, "team", "payments")));
        Assert.Equal(["billing"], await engine.ServiceNamesAsync(new ConsulScope(null, "default", "default")));
        Assert.NotNull(await engine.EntryAsync("orders", new ConsulScope(null, "team", "payments")));
        Assert.Contains(report.Problems, p => p.Kind == PlanProblemKind.PartitionNotManaged);

        var writes = consul.Stats!.Writes;
        var again = await engine.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(again.Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_TwoRegistratorsShareOneConsul_NeitherDeletesOrOverwritesTheOther()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await FunctionAsync("shared", ("enabled", "true"));
        await using var otherAccount = await MotoServer.StartAsync();
        var otherRole = await otherAccount.Seed.CreateRoleAsync("registrator-test");
        await otherAccount.Seed.CreateFunctionAsync("billing", otherRole, Tags(("enabled", "true")));
        await otherAccount.Seed.CreateFunctionAsync("shared", otherRole, Tags(("enabled", "true"), ("payload-passthrough", "true")));
        await using var consul = await SimulatorAsync();
        using var a = await Engine.StartAsync(Moto, consul, ("REGISTRATOR_ID", "account-a/us-east-1"));
        using var b = await Engine.StartAsync(otherAccount.Environment, consul, null, ("REGISTRATOR_ID", "account-b/us-east-1"));

        await a.Registrator.FullSyncAsync(dryRun: false);
        var fromB = await b.Registrator.FullSyncAsync(dryRun: false);
        var writes = consul.Stats!.Writes;
        var againA = await a.Registrator.FullSyncAsync(dryRun: false);
        var againB = await b.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["billing", "orders", "shared"], await a.ServiceNamesAsync());
        var shared = (await a.ServicesAsync()).Single(s => s.Id == "shared");
        Assert.Equal("account-a/us-east-1", shared.Meta[Ownership.RegistratorIdKey]);
        Assert.Equal("false", Engine.Argument((await a.EntryAsync("shared"))!, "payloadPassthrough"));
        Assert.Contains(fromB.Problems, p => p.Kind == PlanProblemKind.NameCollision && p.Service?.Name == "shared");
        Assert.True(againA.Plan!.IsEmpty);
        Assert.True(againB.Plan!.IsEmpty);
        Assert.Equal(writes, consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_DatacenterSet_ManagesOnlyFunctionsOfThatDatacenter()
    {
        await FunctionAsync("here", ("enabled", "true"));
        await FunctionAsync("tagged-here", ("enabled", "true"), ("datacenter", "dc1"));
        await FunctionAsync("there", ("enabled", "true"), ("datacenter", "dc2"));
        await using var consul = await SimulatorAsync(new ConsulTargetOptions { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] });
        using var engine = await Engine.StartAsync(Moto, consul, ("DATACENTER", "dc1"));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["here", "tagged-here"], await engine.ServiceNamesAsync(new ConsulScope("dc1")));
        Assert.Empty(await engine.ServiceNamesAsync(new ConsulScope("dc2")));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(PlanProblemKind.DatacenterNotManaged, problem.Kind);
        Assert.Contains("there", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_ExtensionDataPrefix_StoresTheMeshIdentityInSsmAndDeletesItWithTheService()
    {
        await FunctionAsync("orders", ("enabled", "true"));
        await using var consul = await SimulatorAsync();
        using var engine = await Engine.StartAsync(Moto, consul, ("CONSUL_EXTENSION_DATA_PREFIX", "/lambda/extension-data"));
        using var aws = Aws.AwsClients.Create(Moto.GetEnvironmentVariable);

        await engine.Registrator.FullSyncAsync(dryRun: false);

        var stored = await aws.ParameterStore.GetParameterAsync("/lambda/extension-data/default/default/orders");
        Assert.NotNull(stored);
        Assert.Equal("SecureString", stored.Type);
        using (var json = System.Text.Json.JsonDocument.Parse(stored.Value))
        {
            Assert.Contains("BEGIN CERTIFICATE", json.RootElement.GetProperty("certPEM").GetString(), StringComparison.Ordinal);
            Assert.Contains("PRIVATE KEY", json.RootElement.GetProperty("privateKeyPEM").GetString(), StringComparison.Ordinal);
            Assert.Equal(consul.Simulator!.TrustDomain, json.RootElement.GetProperty("trustDomain").GetString());
        }

        Assert.DoesNotContain("PRIVATE KEY", engine.Log, StringComparison.Ordinal);
        var report = await engine.Registrator.DeregisterAsync("orders", dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Null(await aws.ParameterStore.GetParameterAsync("/lambda/extension-data/default/default/orders"));
    }
}
