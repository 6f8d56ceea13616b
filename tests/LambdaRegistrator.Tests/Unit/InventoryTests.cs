using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>Inventory strategies and the confirmation round, against recording fakes.</summary>
public sealed class InventoryTests
{
    [Fact]
    public async Task FullSync_Tagging_ConfirmsOnlyFunctionsThatChange()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("b", Harness.Enabled());
        h.Lambda.Add("off", new Dictionary<string, string> { [LambdaTags.Enabled] = "false" });
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var first = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, first.Outcome);
        Assert.Equal(["a", "b"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["GetFunction a", "GetFunction b"], h.Lambda.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(0, h.Lambda.CallCount("ListFunctions"));

        h.Lambda.Add("c", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        var calls = h.Lambda.Calls.Count;
        await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["GetFunction c"], h.Lambda.Calls.Skip(calls));
    }

    public static TheoryData<string, string> Strategies => new()
    {
        { "tagging: listed tags confirmed with GetFunction", "tagging" },
        { "list-functions: aliases listed for changed functions", "list-functions" },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task FullSync_NothingToConfirm_PlansOnceAndConfirmedChangesPlanTwice(string caseName, string strategy)
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create(("INVENTORY_STRATEGY", strategy));
        await registrator.FullSyncAsync(dryRun: false);
        var afterFirst = h.PlannerRuns;

        var steady = await registrator.FullSyncAsync(dryRun: false);

        Assert.True(steady.Plan!.IsEmpty, caseName);
        Assert.True(h.PlannerRuns - afterFirst == 1, $"{caseName}: a steady full sync planned {h.PlannerRuns - afterFirst} times");
        Assert.True(afterFirst == 2, $"{caseName}: the first sync (its changes confirmed with Lambda) planned {afterFirst} times");
    }

    [Fact]
    public async Task FullSync_TaggingFiltersOnTheEnabledKeyWithoutValues_SoEveryCaseVariantIsListed()
    {
        var h = new Harness();
        h.Lambda.Add("upper", new Dictionary<string, string> { [LambdaTags.Enabled] = "TRUE" });
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        await registrator.FullSyncAsync(dryRun: false);

        var filter = Assert.Single(Assert.Single(h.Tagging.Filters));
        Assert.Equal(LambdaTags.Enabled, filter.Key);
        Assert.Empty(filter.Values);
        Assert.Contains("upper", h.Consul.Services.Keys);
    }

    [Fact]
    public async Task FullSync_SteadyState_NoWritesAndNoLambdaCalls()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Lambda.Add("b", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);
        var writes = h.Consul.Writes.Count;
        var calls = h.Lambda.Calls.Count;

        var again = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, again.Outcome);
        Assert.True(again.Plan!.IsEmpty);
        Assert.Equal(writes, h.Consul.Writes.Count);
        Assert.Equal(calls, h.Lambda.Calls.Count);
        Assert.Equal(3, again.Plan.UnchangedServices);
    }

    [Fact]
    public async Task FullSync_TaggingListsADeletedFunction_GetFunctionStopsItsRegistration()
    {
        var h = new Harness();
        h.Lambda.Add("alive", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        h.Tagging.Resources.Add(new Aws.Tagging.ResourceTagMapping(FakeLambdaApi.ArnOf("ghost"), Harness.Enabled()));
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["alive"], h.Consul.Services.Keys);
        Assert.Contains("GetFunction ghost", h.Lambda.Calls);
        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
    }

    [Theory]
    [InlineData("still enabled in Lambda: kept", true, false)]
    [InlineData("deleted from Lambda: deregistered", false, true)]
    public async Task FullSync_TaggingNoLongerListsARegisteredFunction_GetFunctionDecides(string caseName, bool stillExists, bool expectDeregistered)
    {
        _ = caseName;
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("b", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);

        h.Tagging.Resources.RemoveAll(r => r.ResourceArn.EndsWith(":a", StringComparison.Ordinal));
        if (!stillExists)
        {
            h.Lambda.Functions.TryRemove("a", out _);
        }

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Contains("GetFunction a", h.Lambda.Calls.Skip(2));
        Assert.Equal(!expectDeregistered, h.Consul.Services.ContainsKey("a"));
        Assert.Equal(!expectDeregistered, h.Consul.Entries.ContainsKey("a"));
        Assert.True(h.Consul.Services.ContainsKey("b"));
        Assert.Equal(expectDeregistered ? 1 : 0, report.Plan!.Count(PlanActionKind.Deregister));
    }

    [Fact]
    public async Task FullSync_TaggingFailsMidPagination_SyncsWhatWasReadAndDeregistersNothing()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("gone", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);
        h.Lambda.Functions.TryRemove("gone", out _);
        h.Lambda.Add("a", Harness.Enabled(("payload-passthrough", "true")));
        h.Lambda.Add("new", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        h.Tagging.FailAfter = 1;

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Contains(report.Errors, e => e.Contains("GetResources", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Kind == PlanProblemKind.InventoryIncomplete);
        Assert.Equal("true", FakeConsulClient.Argument(h.Consul.Entries["a"], "payloadPassthrough"));
        Assert.True(h.Consul.Services.ContainsKey("gone"));
        Assert.False(h.Consul.Services.ContainsKey("new"));
        Assert.Equal(0, report.Plan!.Count(PlanActionKind.Deregister));
    }

    [Fact]
    public async Task FullSync_ListFunctionsOneGetFunctionFails_OthersSyncedNothingDeregistered()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("b", Harness.Enabled());
        h.Lambda.Add("c", Harness.Enabled());
        using var registrator = h.Create(("INVENTORY_STRATEGY", "list-functions"), ("MAX_CONCURRENCY", "2"));
        await registrator.FullSyncAsync(dryRun: false);
        h.Lambda.Functions.TryRemove("c", out _);
        h.Lambda.Add("d", Harness.Enabled());
        h.Lambda.FailGetFunction.Add("b");

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Contains(report.Errors, e => e.Contains("GetFunction", StringComparison.Ordinal) && e.Contains('b'));
        Assert.Equal(["a", "b", "c", "d"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(0, h.Tagging.Calls);
    }

    [Fact]
    public async Task FullSync_ListFunctions_ConfirmsAliasesOnlyForFunctionsThatChange()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        using var registrator = h.Create(("INVENTORY_STRATEGY", "list-functions"));
        await registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(["GetFunction a:live"], AliasReads(h));
        Assert.True(h.Consul.Services.ContainsKey("a-live"));

        h.Lambda.Add("b", Harness.Enabled(("aliases", "blue+green")), "blue");
        var report = await registrator.FullSyncAsync(dryRun: false);

        // The function itself was read by ListFunctions' GetFunction: only the aliases of the one that changed are read.
        Assert.Equal(["GetFunction a:live", "GetFunction b:blue", "GetFunction b:green"], AliasReads(h));
        Assert.Equal(0, h.Lambda.CallCount("ListAliases"));
        Assert.True(h.Consul.Services.ContainsKey("b-blue"));
        Assert.False(h.Consul.Services.ContainsKey("b-green"));
        var missing = Assert.Single(report.Problems, p => p.Kind == PlanProblemKind.MissingAlias);
        Assert.Contains("green", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_Tagging_ConfirmsAFunctionAndItsAliasesWithQualifiedGetFunctionOnly()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "blue+green")), "blue", "green");
        h.Lambda.Add("b", Harness.Enabled(("aliases", "live+gone")), "live");
        h.Lambda.Add("c", Harness.Enabled(("aliases", "old+live")), "live");
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(0, h.Lambda.CallCount("ListAliases"));
        // a: one read per alias; b: "gone" answers 404 with the function confirmed by "live"; c: "old" answers 404
        // first, so an unqualified read tells a missing alias from a missing function.
        Assert.Equal(
            ["GetFunction a:blue", "GetFunction a:green", "GetFunction b:gone", "GetFunction b:live", "GetFunction c", "GetFunction c:live", "GetFunction c:old"],
            h.Lambda.Calls.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "a-blue", "a-green", "b", "b-live", "c", "c-live"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, report.Problems.Count(p => p.Kind == PlanProblemKind.MissingAlias));
    }

    [Fact]
    public async Task FullSync_Tagging_FunctionDeletedButStillListed_IsNotRegisteredAfterTheUnqualifiedRead()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Tagging.MirrorFrom(h.Lambda);
        h.Lambda.Functions.TryRemove("a", out _);
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["GetFunction a", "GetFunction a:live"], h.Lambda.Calls.Order(StringComparer.Ordinal));
        Assert.Empty(h.Consul.Services);
    }

    private static List<string> AliasReads(Harness h) =>
        [.. h.Lambda.Calls.Where(c => c.StartsWith("GetFunction ", StringComparison.Ordinal) && c.Contains(':', StringComparison.Ordinal))];

    [Fact]
    public async Task FullSync_DryRun_ReturnsThePlanWithoutWriting()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: true);

        Assert.Empty(h.Consul.Writes);
        var outcome = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.Planned, outcome.Status);
        Assert.Equal(PlanActionKind.Register, outcome.Action.Kind);
        Assert.True(report.Summary.DryRun);
    }
}
