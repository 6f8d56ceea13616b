using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// The Lambda deadline arriving in the middle of the writes of a real sync (the shell's ExecutionTests prove the executor's
/// rule over a fake client): no write starts after it, writes in flight finish (no half-written service), what was left
/// is reported as skipped, and the next invocation finishes exactly that.
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
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

    [Fact]
    public async Task FullSync_DeadlineDuringWrites_StopsStartingWritesReportsTheRestAndTheNextRunFinishes()
    {
        var functions = Inventories.Enabled(24);
        _aws.Set(functions);
        // Every write takes 30 ms, two at a time: the deadline lands while the sync is writing.
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMilliseconds(30) });
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul, ("MAX_CONCURRENCY", "2"));
        using var deadline = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (_consul.Stats!.Writes < 12)
            {
                await Task.Delay(1);
            }

            await deadline.CancelAsync();
        });

        var report = await rig.Registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), SyncContext.None, deadline.Token);
        await watcher;

        Assert.Equal(SyncOutcome.DeadlineReached, report.Outcome);
        var done = report.Actions.Where(a => a.Status == ActionStatus.Done).ToList();
        var skipped = report.Actions.Where(a => a.Status == ActionStatus.Skipped).ToList();
        Assert.NotEmpty(done);
        Assert.NotEmpty(skipped);
        Assert.Equal(report.Actions.Count, done.Count + skipped.Count);
        Assert.All(skipped, a => Assert.Contains("next sync", a.Message, StringComparison.Ordinal));
        Assert.Equal(skipped.Count, report.Summary.Skipped);
        // Each registration is two writes (service-defaults, then catalog): nothing skipped wrote anything, nothing done
        // was left half-way.
        Assert.Equal(2 * done.Count, _consul.Stats!.Writes);
        var stopped = await ConsulState.ReadAsync(_consul);
        Assert.Equal(done.Select(a => a.Action.Service.Name).Order(StringComparer.Ordinal), stopped.ServiceNames);
        Assert.Equal(stopped.ServiceNames, stopped.EntryNames);

        var next = await rig.Registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, next.Outcome);
        Assert.Equal(skipped.Select(a => a.Action.Service.Name).Order(StringComparer.Ordinal), next.Actions.Select(a => a.Action.Service.Name).Order(StringComparer.Ordinal));
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), Inventories.Expected(functions), Inventories.Owner);
        var writes = _consul.Stats.Writes;
        Assert.True((await rig.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    [Fact]
    public async Task TargetedSync_DeadlineAlreadyPassed_WritesNothingAndSaysSo()
    {
        _aws.Set(Inventories.Enabled(1, "orders"));
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul);
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();

        var report = await rig.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders-00"), SyncContext.None, deadline.Token);

        Assert.Equal(SyncOutcome.DeadlineReached, report.Outcome);
        Assert.Contains("deadline", report.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _consul.Stats!.Writes);
    }

    // A write started just before the deadline may finish inside DEADLINE_MARGIN_MS; it must not outlive the margin. Here
    // Consul stops answering writes: with the client's 30 s per-attempt timeout and 4 attempts, an unbounded in-flight
    // write keeps the invocation alive minutes past its deadline, so Lambda kills it and its report is lost.
    [Fact]
    public async Task FullSync_ConsulHangsOnAWriteAtTheDeadline_ReturnsWithinTheMarginAndReports()
    {
        _aws.Set(Inventories.Enabled(3));
        // The first rule is used up by the first write to arrive (so the test knows a write is in flight); the second holds
        // every later one.
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMinutes(5), Count = 1 });
        _consul.Faults.Add(new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMinutes(5) });
        // The margin runs on the registrator's injected clock, which moves only after the deadline fired.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var rig = await Rig.StartAsync(
            Rig.EnvironmentFor(_aws.Endpoint, _consul, ("DEADLINE_MARGIN_MS", "1000")), consulRetry: LambdaRegistrator.Consul.ConsulRetryPolicy.Default, time: clock);
        using var deadline = new CancellationTokenSource();
        var sync = rig.Registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), SyncContext.None, deadline.Token);
        while (_consul.Faults.Rules.Count > 1)
        {
            await Task.Delay(5);
        }

        await deadline.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        // Liveness guard, not a timing assertion: a write that outlived the margin would hang for the 5 minutes of the fault.
        var report = await sync.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Outcome == SyncOutcome.Failed || report.Outcome == SyncOutcome.DeadlineReached, report.ToString());
        Assert.True(report.Actions.Any(a => a.Status != ActionStatus.Done), $"{report}\n{rig.Log}");
    }
}
