using Xunit.Abstractions;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// Overlapping invocations against one Consul, each a separate registrator (as separate Lambda containers are): a full
/// sync racing targeted syncs, and eight full syncs at once. Config entries are written with check-and-set; a lost race
/// is re-planned, so every run succeeds and the final state is right. (Writers that want the same content never lose a
/// race: Consul accepts an identical config write whatever its cas. The last test forces a real lost race.)
/// </summary>
public sealed class ConcurrencyTests(ITestOutputHelper output) : IAsyncLifetime
{
    private HostileAws _aws = null!;
    private ConsulTarget _consul = null!;

    public async Task InitializeAsync()
    {
        _aws = await HostileAws.StartAsync();
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
    }

    public async Task DisposeAsync()
    {
        await _consul.DisposeAsync();
        await _aws.DisposeAsync();
    }

    // Registers the "before" inventory, then changes AWS: every function gains payload passthrough, fn-10/fn-11 are
    // disabled (to deregister) and fn-12/fn-13 are new (to register).
    private async Task<List<FakeFunction>> DriftAsync()
    {
        var before = Inventories.Enabled(12);
        _aws.Set(before);
        using (var first = await Rig.StartAsync(_aws.Endpoint, _consul))
        {
            Assert.Equal(SyncOutcome.Succeeded, (await first.Registrator.FullSyncAsync(dryRun: false)).Outcome);
        }

        var after = before.Concat(Inventories.Enabled(14).Skip(12))
            .Select(f => f with { Tags = new Dictionary<string, string>(f.Tags) { [LambdaTags.PayloadPassthrough] = "true" } })
            .Select(f => f.Name is "fn-10" or "fn-11" ? f with { Tags = TagSet.Of(("enabled", "false")) } : f)
            .ToList();
        _aws.Set(after);
        // Writes take a few milliseconds so the runs really overlap.
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMilliseconds(3) });
        return after;
    }

    private async Task AssertConvergedAsync(List<FakeFunction> after)
    {
        var state = await ConsulState.ReadAsync(_consul);
        ExpectedService.AssertConverged(state, Inventories.Expected(after.Where(f => f.Name is not ("fn-10" or "fn-11"))), Inventories.Owner);
        Assert.All(state.Entries, e => Assert.Equal("true", e.PayloadPassthrough));
        Assert.Equal(state.ServiceNames.Distinct().Count(), state.ServiceNames.Count);
        _consul.Faults!.Clear();
        var writes = _consul.Stats!.Writes;
        using var check = await Rig.StartAsync(_aws.Endpoint, _consul);
        Assert.True((await check.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    [Fact]
    public async Task HandleEvent_FullSyncAndTargetedSyncsOverlap_EveryRunSucceedsAndConsulConverges()
    {
        var after = await DriftAsync();
        var rigs = new List<Rig>();
        try
        {
            for (var i = 0; i < 7; i++)
            {
                rigs.Add(await Rig.StartAsync(_aws.Endpoint, _consul));
            }

            string[] targets = ["fn-00", "fn-03", "fn-10", "fn-12", "fn-03", "fn-00"];
            var runs = new List<Task<SyncReport>> { rigs[0].Registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), SyncContext.None, CancellationToken.None) };
            runs.AddRange(targets.Select((name, i) => rigs[i + 1].Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", name), SyncContext.None, CancellationToken.None)));

            var reports = await Task.WhenAll(runs);
            output.WriteLine($"check-and-set races lost and re-planned: {reports.SelectMany(r => r.Actions).Sum(a => a.CasRetries)}");

            Assert.All(reports, r => Assert.True(r.Outcome == SyncOutcome.Succeeded, r.ToString()));
            await AssertConvergedAsync(after);
        }
        finally
        {
            rigs.ForEach(r => r.Dispose());
        }
    }

    [Fact]
    public async Task FullSync_EightRegistratorsAtOnce_EveryRunSucceedsAndConsulConverges()
    {
        var after = await DriftAsync();
        var rigs = new List<Rig>();
        try
        {
            for (var i = 0; i < 8; i++)
            {
                rigs.Add(await Rig.StartAsync(_aws.Endpoint, _consul, ("MAX_CONCURRENCY", "4")));
            }

            var reports = await Task.WhenAll(rigs.Select(r => r.Registrator.FullSyncAsync(dryRun: false)));
            output.WriteLine($"check-and-set races lost and re-planned: {reports.SelectMany(r => r.Actions).Sum(a => a.CasRetries)}");

            Assert.All(reports, r => Assert.True(r.Outcome == SyncOutcome.Succeeded, r.ToString()));
            // Lost races are reported on the action, never as failures.
            Assert.All(reports.SelectMany(r => r.Actions).Where(a => a.CasRetries > 0), a => Assert.Contains("check-and-set", a.Message, StringComparison.Ordinal));
            await AssertConvergedAsync(after);
        }
        finally
        {
            rigs.ForEach(r => r.Dispose());
        }
    }

    public static TheoryData<string, string, bool> RacingWriters => new()
    {
        { "another invocation of this registrator wrote stale content", Inventories.Owner, true },
        { "a foreign writer took the name", "someone-else/eu-west-1", false },
    };

    [Theory]
    [MemberData(nameof(RacingWriters))]
    public async Task FullSync_EntryChangesBetweenReadAndCasWrite_LostRaceIsReplannedNeverOverwrittenBlindly(string caseName, string racingOwner, bool engineWins)
    {
        List<FakeFunction> functions = [FakeFunction.Of("orders", TagSet.Enabled())];
        _aws.Set(functions);
        using (var first = await Rig.StartAsync(_aws.Endpoint, _consul))
        {
            await first.Registrator.FullSyncAsync(dryRun: false);
        }

        _aws.Set(functions.Select(f => f with { Tags = TagSet.Of(("enabled", "true"), ("payload-passthrough", "true")) }));
        // Hold the engine's config write for a moment; while it waits, another writer changes the entry (new ModifyIndex).
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/config", Method = "PUT", Delay = TimeSpan.FromSeconds(2), Count = 1 });
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul);
        var sync = rig.Registrator.FullSyncAsync(dryRun: false);
        while (_consul.Faults.Rules.Count > 0)
        {
            await Task.Delay(1);
        }

        using (var racer = ConsulState.Client(_consul))
        {
            var entry = (await racer.GetServiceDefaultsAsync("orders", default, CancellationToken.None)).Value!;
            var meta = new Dictionary<string, string>(entry.Meta) { [Core.Planning.Ownership.RegistratorIdKey] = racingOwner };
            Assert.True(await racer.SetServiceDefaultsAsync(entry with { Meta = meta, Protocol = "grpc" }, default, null, CancellationToken.None));
        }

        var report = await sync;

        var action = Assert.Single(report.Actions);
        Assert.Equal(1, action.CasRetries);
        var entryAfter = (await ConsulState.ReadAsync(_consul)).Entries.Single(e => e.Name == "orders");
        if (engineWins)
        {
            Assert.True(report.Outcome == SyncOutcome.Succeeded, $"{caseName}: {report}");
            Assert.Equal(ActionStatus.Done, action.Status);
            Assert.Equal("true", entryAfter.PayloadPassthrough);
            Assert.Equal(Inventories.Owner, entryAfter.Owner);
        }
        else
        {
            Assert.True(report.Outcome == SyncOutcome.Failed, $"{caseName}: {report}");
            Assert.Contains("after a lost check-and-set race", action.Message, StringComparison.Ordinal);
            Assert.Equal(racingOwner, entryAfter.Owner);
            Assert.Equal("false", entryAfter.PayloadPassthrough);
        }
    }

    // A scheduled full sync reads AWS, then a tag change and its targeted sync land while the full sync's write is in
    // flight. The full sync loses the check-and-set race; re-planning against its own, older, desired state would write
    // the old tags back over the newer ones (until the next schedule). A lost race must not revert a newer writer.
    [Fact]
    public async Task FullSync_StaleFullSyncLosesRaceToNewerTargetedSync_DoesNotRevertIt()
    {
        List<FakeFunction> v1 = [FakeFunction.Of("orders", TagSet.Enabled())];
        _aws.Set(v1);
        using (var first = await Rig.StartAsync(_aws.Endpoint, _consul))
        {
            await first.Registrator.FullSyncAsync(dryRun: false);
        }

        _aws.Set([FakeFunction.Of("orders", TagSet.Of(("enabled", "true"), ("invocation-mode", "ASYNCHRONOUS")))]);
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/config", Method = "PUT", Delay = TimeSpan.FromSeconds(2), Count = 1 });
        using var scheduled = await Rig.StartAsync(_aws.Endpoint, _consul, ("INVENTORY_STRATEGY", "list-functions"));
        var full = scheduled.Registrator.FullSyncAsync(dryRun: false);
        while (_consul.Faults.Rules.Count > 0)
        {
            await Task.Delay(1);
        }

        _aws.Set([FakeFunction.Of("orders", TagSet.Of(("enabled", "true"), ("invocation-mode", "ASYNCHRONOUS"), ("payload-passthrough", "true")))]);
        using var evented = await Rig.StartAsync(_aws.Endpoint, _consul);
        var targeted = await evented.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json"), SyncContext.None, CancellationToken.None);
        var report = await full;

        Assert.Equal(SyncOutcome.Succeeded, targeted.Outcome);
        Assert.Equal(1, Assert.Single(report.Actions).CasRetries);
        var entry = (await ConsulState.ReadAsync(_consul)).Entries.Single();
        Assert.Equal("asynchronous", entry.InvocationMode);
        Assert.True(entry.PayloadPassthrough == "true", $"the stale full sync reverted the newer write: {report.Actions[0]}");
    }
}
