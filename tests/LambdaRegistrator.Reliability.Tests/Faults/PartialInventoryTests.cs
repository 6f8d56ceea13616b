using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// A failure in the middle of the AWS inventory (a page, one function's GetFunction, tags or aliases): nothing is
/// deregistered in that sync, every function that could be read is still synced, the invocation fails, and the next
/// sync converges. (The shell's InventoryTests prove the same decisions over recording fakes; these run the real HTTP
/// clients, pagination and retries against a paginating fake and the simulator.)
/// </summary>
public sealed class PartialInventoryTests : IAsyncLifetime
{
    private HostileAws _aws = null!;
    private ConsulTarget _consul = null!;

    public async Task InitializeAsync()
    {
        _aws = await HostileAws.StartAsync();
        _aws.PageSize = 3;
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
    }

    public async Task DisposeAsync()
    {
        await _consul.DisposeAsync();
        await _aws.DisposeAsync();
    }

    public static TheoryData<string, string, int?, string?, string?> Failures => new()
    {
        { "tagging: GetResources page 2 fails", "tagging", 2, null, null },
        { "list-functions: ListFunctions page 2 fails", "list-functions", 2, null, null },
        { "list-functions: GetFunction of one function fails after retries", "list-functions", null, "fn-04", "GetFunction" },
        { "list-functions: GetFunction returns TagsError (lambda:ListTags denied) for one function", "list-functions", null, "fn-04", "Tags" },
        { "tagging: the GetFunction confirming a changed function fails", "tagging", null, "fn-04", "GetFunction" },
        { "tagging: the GetFunction Qualifier=<alias> confirming a changed function's alias fails", "tagging", null, "fn-03", "AliasRead" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task FullSync_InventoryFailsPartWay_DeregistersNothingSyncsTheRestFailsAndTheNextSyncConverges(
        string caseName, string strategy, int? failPage, string? failFunction, string? failing)
    {
        var before = Inventories.Enabled(9);
        _aws.Set(before);
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul, ("INVENTORY_STRATEGY", strategy));
        Assert.Equal(SyncOutcome.Succeeded, (await rig.Registrator.FullSyncAsync(dryRun: false)).Outcome);

        // Then in AWS: fn-07 and fn-08 are deleted, fn-01 (page 1), fn-03 and fn-04 (page 2) turn on payload passthrough.
        var passthrough = TagSet.Of(("enabled", "true"), ("payload-passthrough", "true"));
        var after = before.Take(7)
            .Select(f => f.Name is "fn-01" or "fn-04" ? f with { Tags = passthrough } : f)
            .Select(f => f.Name == "fn-03" ? f with { Tags = new Dictionary<string, string>(passthrough) { [Core.Tags.LambdaTags.Aliases] = "live+canary" } } : f)
            .ToList();
        _aws.Set(after.Select(f => f.Name == failFunction ? Fail(f, failing) : f));
        _aws.FailPage(failPage);

        var broken = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(broken.Outcome == SyncOutcome.Failed, $"{caseName}: {broken}");
        Assert.NotEmpty(broken.Errors);
        var state = await ConsulState.ReadAsync(_consul);
        Assert.Contains("fn-07", state.ServiceNames);
        Assert.Contains("fn-08", state.EntryNames);
        Assert.DoesNotContain(broken.Actions, a => a.Action.Kind == Core.Planning.PlanActionKind.Deregister);
        Assert.Equal("true", state.Entries.Single(e => e.Name == "fn-01").PayloadPassthrough);
        Assert.Equal(Inventories.Expected(before).Count, state.Services.Count);

        _aws.Set(after);
        _aws.FailPage(null);
        var healed = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(healed.Outcome == SyncOutcome.Succeeded, $"{caseName}: {healed}");
        var converged = await ConsulState.ReadAsync(_consul);
        ExpectedService.AssertConverged(converged, Inventories.Expected(after), Inventories.Owner);
        Assert.All(converged.Entries.Where(e => e.Name.StartsWith("fn-01", StringComparison.Ordinal) || e.Name.StartsWith("fn-03", StringComparison.Ordinal) || e.Name.StartsWith("fn-04", StringComparison.Ordinal)),
            e => Assert.Equal("true", e.PayloadPassthrough));
        var writes = _consul.Stats!.Writes;
        Assert.True((await rig.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    private static FakeFunction Fail(FakeFunction function, string? failing) => failing switch
    {
        "GetFunction" => function with { FailGetFunction = true },
        "Tags" => function with { DenyTags = true },
        "ListAliases" => function with { FailListAliases = true },
        "AliasRead" => function with { FailAliasRead = true },
        _ => function,
    };
}
