using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>TERMINATING_GATEWAY and EXPORT_TO: owned services are listed in the shared entries and removed with them; nothing else is touched.</summary>
public sealed class PlannerSharedEntriesTests
{
    private static readonly ConfigEntryKey GatewayKey = new(TerminatingGateway.KindName, Default, "gw");
    private static readonly ConfigEntryKey ExportsKey = new(ExportedServices.KindName, Default, "default");

    private static PlanningOptions WithGateway(bool create = false) => Options() with { TerminatingGateway = "gw", CreateGatewayEntries = create };

    private static PlanningOptions WithExports() => Options() with { ExportTo = [new ExportConsumer(ExportConsumerKind.Peer, "dc2")] };

    private static Dictionary<string, JsonElement> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static SharedEntryRead Found(ConfigEntryKey key, string fields, ulong index = 7) =>
        new(key, new ObservedConfigEntry(key.Scope, new ConfigEntry(key.Name, new Dictionary<string, string>(), ConfigEntryKinds.Read(key.Kind, Fields(fields))), index), null);

    private static ObservedState With(ObservedState state, params SharedEntryRead[] shared) => state with { SharedEntries = shared };

    private static string Services(ObservedState state, ConfigEntryKey key) =>
        state.SharedEntries.Single(s => s.Key.Equals(key)).Entry!.Entry.Body.ToFields()["Services"].GetRawText();

    [Fact]
    public void CreatePlan_FeatureOff_NoSharedEntryToRead()
    {
        Assert.Empty(SharedEntries.KeysToRead([Default], Options()));
        Assert.Equal([GatewayKey, ExportsKey], SharedEntries.KeysToRead([Default, Default], WithGateway() with { ExportTo = WithExports().ExportTo }));
    }

    [Fact]
    public void CreatePlan_NewFunctionAndAliasWithGatewayListingOthers_AddsBothLastThenSteadyState()
    {
        var desired = Full(Enabled("orders", "aliases", "live"));
        var observed = With(Observed(), Found(GatewayKey, """{"Services":[{"Name":"db","SNI":"db.example"},{"Name":"web"}]}"""));

        var plan = Planner.CreatePlan(desired, observed, WithGateway());

        Assert.Equal(["orders", "orders-live"], plan.Actions.Select(a => a.Service.Name));
        foreach (var action in plan.Actions)
        {
            var update = Assert.IsType<UpdateSharedEntry>(action.Steps[^1]);
            Assert.Equal(GatewayKey, update.Key);
            Assert.Equal([action.Service.Name], update.Present.Select(i => i.Name));
            Assert.Empty(update.Absent);
            Assert.False(update.CreateIfMissing);
        }

        var after = PlanApplication.Apply(observed, plan);
        Assert.Equal("""[{"Name":"db","SNI":"db.example"},{"Name":"web"},{"Name":"orders"},{"Name":"orders-live"}]""", Services(after, GatewayKey));
        Assert.True(Planner.CreatePlan(desired, after, WithGateway()).IsEmpty);
    }

    [Fact]
    public void CreatePlan_RegisteredServiceNotYetInGateway_UpdateWithOnlyTheSharedStep()
    {
        var observed = With(Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 3)), Found(GatewayKey, """{"Services":[{"Name":"web"}]}"""));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, WithGateway());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Contains("not in terminating-gateway \"gw\"", action.Reason, StringComparison.Ordinal);
        Assert.IsType<UpdateSharedEntry>(Assert.Single(action.Steps));
    }

    [Fact]
    public void CreatePlan_DeletedFunction_RemovedFromGatewayBeforeItIsDeregisteredAndOthersKept()
    {
        var observed = With(
            Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 3), ForeignService("web")),
            Found(GatewayKey, """{"Services":[{"Name":"web"},{"Name":"orders"},{"Name":"legacy","CAFile":"/ca"}]}"""));

        var plan = Planner.CreatePlan(Full(), observed, WithGateway());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Deregister, action.Kind);
        var remove = Assert.IsType<UpdateSharedEntry>(action.Steps[0]);
        Assert.Equal(["orders"], remove.Absent.Select(i => i.Name));
        Assert.Empty(remove.Present);
        Assert.IsType<DeleteConfigEntry>(action.Steps[1]);
        Assert.IsType<DeregisterService>(action.Steps[2]);
        var after = PlanApplication.Apply(observed, plan);
        Assert.Equal("""[{"Name":"web"},{"Name":"legacy","CAFile":"/ca"}]""", Services(after, GatewayKey));
    }

    [Fact]
    public void CreatePlan_ServiceOfAnotherOwnerListed_NeverRemoved()
    {
        var observed = With(
            Observed(OwnedService("orders", "orders", registratorId: "210987654321/eu-west-1"), ForeignService("web")),
            Found(GatewayKey, """{"Services":[{"Name":"web"},{"Name":"orders"},{"Name":"gone"}]}"""));

        var plan = Planner.CreatePlan(Full(), observed, WithGateway());

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void CreatePlan_GatewayEntryMissing_ReportedOnceAndServicesStillRegistered()
    {
        var observed = With(Observed(), new SharedEntryRead(GatewayKey, null, null));

        var plan = Planner.CreatePlan(Full(Enabled("orders"), Enabled("billing")), observed, WithGateway());

        Assert.Equal(2, plan.Count(PlanActionKind.Register));
        Assert.DoesNotContain(plan.Actions.SelectMany(a => a.Steps), s => s is UpdateSharedEntry);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(PlanProblemKind.SharedEntryUnavailable, problem.Kind);
        Assert.Contains("terminating-gateway \"gw\" (default scope) does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CREATE_GATEWAY_ENTRIES=true", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_GatewayEntryMissingAndCreateOn_CreatesItWithTheServices()
    {
        var observed = With(Observed(), new SharedEntryRead(GatewayKey, null, null));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, WithGateway(create: true));

        var update = Assert.IsType<UpdateSharedEntry>(Assert.Single(plan.Actions).Steps[^1]);
        Assert.True(update.CreateIfMissing);
        var created = update.Merge(null).Entry!;
        Assert.Equal("gw", created.Name);
        Assert.Equal("terminating-gateway", created.Kind);
        Assert.Equal("""[{"Name":"orders"}]""", created.Body.ToFields()["Services"].GetRawText());
        Assert.True(Planner.CreatePlan(Full(Enabled("orders")), PlanApplication.Apply(observed, plan), WithGateway(create: true)).IsEmpty);
    }

    [Fact]
    public void Merge_EntryMissingAndCreateOff_ProblemNamesTheSetting()
    {
        var step = new UpdateSharedEntry(GatewayKey, [TerminatingGateway.Item("orders", null)], [], false);

        var merge = step.Merge(null);

        Assert.Null(merge.Entry);
        Assert.Contains("CREATE_GATEWAY_ENTRIES", merge.Problem, StringComparison.Ordinal);
        Assert.Equal(SharedEntryMerge.Nothing, new UpdateSharedEntry(GatewayKey, [], [TerminatingGateway.Item("orders", null)], false).Merge(null));
    }

    [Fact]
    public void CreatePlan_GatewayEntryUnreadable_ReportedWithTheRuleAndServicesStillRegistered()
    {
        var observed = With(Observed(), new SharedEntryRead(GatewayKey, null, SharedEntries.ReadDeniedMessage(GatewayKey, "Permission denied")));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, WithGateway());

        Assert.Equal(PlanActionKind.Register, Assert.Single(plan.Actions).Kind);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(PlanProblemKind.SharedEntryUnavailable, problem.Kind);
        Assert.Contains("service \"gw\" { policy = \"read\" }", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_ExportToPeer_ExportsEveryOwnedServiceAndFixesOwnConsumers()
    {
        var observed = With(
            Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 3)),
            Found(ExportsKey, """{"Services":[{"Name":"web","Consumers":[{"Peer":"other"}]},{"Name":"orders","Consumers":[{"Peer":"old"}]}]}"""));

        var plan = Planner.CreatePlan(Full(Enabled("orders", "aliases", "live")), observed, WithExports());

        var after = PlanApplication.Apply(observed, plan);
        Assert.Equal(
            """[{"Name":"web","Consumers":[{"Peer":"other"}]},{"Name":"orders","Consumers":[{"Peer":"dc2"}]},{"Name":"orders-live","Consumers":[{"Peer":"dc2"}]}]""",
            Services(after, ExportsKey));
        Assert.Contains(plan.Actions, a => a.Reason.Contains("exported-services \"default\" (default scope) lists it differently", StringComparison.Ordinal));
        Assert.True(Planner.CreatePlan(Full(Enabled("orders", "aliases", "live")), after, WithExports()).IsEmpty);
    }

    [Fact]
    public void CreatePlan_EnterprisePartitions_OneEntryPerPartitionNamedAfterItWithNamespacedItems()
    {
        var options = Enterprise("default", "web") with
        {
            TerminatingGateway = "gw",
            ExportTo = [new ExportConsumer(ExportConsumerKind.Partition, "frontend")],
        };
        var webScope = new ConsulScope(null, "web", "team");
        var keys = SharedEntries.KeysToRead([new ConsulScope(null, "default", "default"), webScope], options);
        Assert.Equal(
            ["terminating-gateway \"gw\" (partition=default ns=default)", "exported-services \"default\" (partition=default ns=default)",
             "terminating-gateway \"gw\" (partition=web ns=default)", "exported-services \"web\" (partition=web ns=default)"],
            keys.Select(k => k.ToString()));
        var observed = ObservedState.Empty(new ConsulScope(null, "default", "default"), webScope) with
        {
            SharedEntries = [.. keys.Select(k => new SharedEntryRead(k, null, null))],
        };

        var plan = Planner.CreatePlan(Full(Enabled("orders", "partition", "web", "namespace", "team")), observed, options with { CreateGatewayEntries = true });

        var action = Assert.Single(plan.Actions);
        var shared = action.Steps.OfType<UpdateSharedEntry>().ToList();
        Assert.Equal([keys[2], keys[3]], shared.Select(s => s.Key));
        Assert.Equal("""{"Name":"orders","Namespace":"team"}""", shared[0].Present[0].Value.GetRawText());
        Assert.Equal("""{"Name":"orders","Namespace":"team","Consumers":[{"Partition":"frontend"}]}""", shared[1].Present[0].Value.GetRawText());
    }
}
