using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// Consul failing under a whole sync (the client tests prove one call's retry; these prove the engine converges):
/// 5xx, 429, 503, a leader election mid-sync, dropped connections, slow answers, refused connections.
/// </summary>
public sealed class ConsulFaultTests : IAsyncLifetime
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

    public static TheoryData<string, FaultRule, int> TransientFaults => new()
    {
        {
            "leader election: 500 No cluster leader on every request for a burst mid-sync",
            new FaultRule { PathPrefix = "/v1/", StatusCode = 500, Body = "No cluster leader", Count = 3 }, 10
        },
        {
            "leader-only rate limit: 503 on catalog writes",
            new FaultRule { PathPrefix = "/v1/catalog/register", StatusCode = 503, Body = "rate limit exceeded for operation that can only be performed by the leader, try again later", Count = 3 }, 2
        },
        {
            "server rate limit: 429 on config writes",
            new FaultRule { PathPrefix = "/v1/config", Method = "PUT", StatusCode = 429, Body = "rate limit exceeded, try again later or against a different server", Count = 3 }, 2
        },
        {
            "follower forwarding error: rpc error 500 on config writes",
            new FaultRule { PathPrefix = "/v1/config", Method = "PUT", StatusCode = 500, Body = "rpc error making call: EOF", Count = 3 }, 6
        },
        {
            "connection dropped without an answer on catalog writes",
            new FaultRule { PathPrefix = "/v1/catalog/register", DropConnection = true, Count = 3 }, 3
        },
        {
            "slow answers (100 ms) on every write for the rest of the sync",
            new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMilliseconds(100) }, 2
        },
    };

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task FullSync_TransientConsulFaultMidSync_RetriedAndConverges(string caseName, FaultRule fault, int passThrough)
    {
        var functions = Inventories.Enabled(9);
        _aws.Set(functions);
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul, ("MAX_CONCURRENCY", "2"));
        FaultTiming.ArmAfter(_consul, passThrough, fault);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, $"{caseName}: {report}\n{rig.Log}");
        var hit = _consul.Stats!.Requests().Count(r => r.Faulted && r.StatusCode == (fault.StatusCode ?? (fault.DropConnection ? 0 : 200)));
        Assert.True(hit >= (fault.Count ?? passThrough + 1), $"{caseName}: the fault was hit {hit} times");
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), Inventories.Expected(functions), Inventories.Owner);
        _consul.Faults!.Clear();
        var writes = _consul.Stats.Writes;
        var again = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(again.Plan!.IsEmpty, $"{caseName}: {again}");
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_ReadsFailTransientlyAtStart_RetriedAndConverges()
    {
        var functions = Inventories.Enabled(4);
        _aws.Set(functions);
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/catalog/node-services", StatusCode = 500, Body = "No cluster leader", Count = 2 });
        _consul.Faults.Add(new FaultRule { PathPrefix = "/v1/config", Method = "GET", DropConnection = true, Count = 2 });
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
        Assert.Empty(_consul.Faults.Rules);
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), Inventories.Expected(functions), Inventories.Owner);
    }

    [Fact]
    public async Task FullSync_WriteFaultOutlastsRetries_OnlyThatActionFailsAndTheNextSyncRepairsIt()
    {
        var functions = Inventories.Enabled(5);
        _aws.Set(functions);
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul, ("MAX_CONCURRENCY", "1"));
        // One catalog register fails all 4 attempts: its config entry is already written (half a service).
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/catalog/register", StatusCode = 500, Body = "No cluster leader", Count = 4 });

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        var failed = Assert.Single(report.Actions, a => a.Status == ActionStatus.Failed);
        Assert.Contains("No cluster leader", failed.Message, StringComparison.Ordinal);
        Assert.Equal(report.Actions.Count - 1, report.Actions.Count(a => a.Status == ActionStatus.Done));
        var partial = await ConsulState.ReadAsync(_consul);
        Assert.DoesNotContain(failed.Action.Service.Name, partial.ServiceNames);
        Assert.Contains(failed.Action.Service.Name, partial.EntryNames);

        var repaired = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, repaired.Outcome);
        Assert.Equal(failed.Action.Service.Name, Assert.Single(repaired.Actions).Action.Service.Name);
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), Inventories.Expected(functions), Inventories.Owner);
        var writes = _consul.Stats!.Writes;
        Assert.True((await rig.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_ConsulReadsFailForGood_NothingWrittenAndTheFailureIsReported()
    {
        _aws.Set(Inventories.Enabled(3));
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/", Method = "GET", StatusCode = 500, Body = "No cluster leader" });
        using var rig = await Rig.StartAsync(_aws.Endpoint, _consul);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Contains(report.Errors, e => e.Contains("no cluster leader", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, _consul.Stats!.Writes);
    }

    [Fact]
    public async Task FullSync_ConnectionRefused_FailsNamingTheAddressAndWritesNothing()
    {
        _aws.Set(Inventories.Enabled(2));
        var closed = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = Rig.EnvironmentFor(_aws.Endpoint, _consul, ("CONSUL_HTTP_ADDR", closed.AbsoluteUri));
        using var rig = await Rig.StartAsync(environment);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        var error = Assert.Single(report.Errors);
        Assert.Contains("Cannot connect to Consul", error, StringComparison.Ordinal);
        Assert.Contains(closed.Authority, error, StringComparison.Ordinal);
        Assert.Contains("CONSUL_HTTP_ADDR", error, StringComparison.Ordinal);
        Assert.Empty(report.Actions);
    }
}
