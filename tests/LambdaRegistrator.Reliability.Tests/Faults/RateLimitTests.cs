using LambdaRegistrator.Aws;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// The production client-side rate limits hold across a whole sync (the AWS client tests prove one bucket): ListFunctions
/// and ListAliases share Lambda's 15 req/s control-plane bucket, GetFunction (qualified or not) spends its own 100 req/s one. Waits are
/// measured on a virtual clock, never on the wall clock.
/// </summary>
public sealed class RateLimitTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    [Fact]
    public async Task FullSync_ListFunctionsStrategy_ControlPlaneCallsPacedUnder15PerSecondGetFunctionNot()
    {
        // 40 functions with seven aliases (past six, ListAliases costs less quota than one GetFunction per alias):
        // 1 ListFunctions + 40 ListAliases (control plane) + 40 GetFunction (own bucket).
        string[] aliases = ["a1", "a2", "a3", "a4", "a5", "a6", "a7"];
        var functions = Enumerable.Range(0, 40).Select(i => FakeFunction.Of($"paced-{i:00}", TagSet.Enabled(aliases), aliases)).ToList();
        fixture.Reset(functions);
        var clock = new RecordingTimeProvider();
        var aws = Rig.FastAws with { TimeProvider = clock, RateLimits = new AwsRateLimits() };
        using var rig = await Rig.StartAsync(Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul, ("INVENTORY_STRATEGY", "list-functions")), aws);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        var requests = fixture.Aws.Requests;
        var controlPlane = requests.Count(r => r.StartsWith("GET /2015-03-31/functions?", StringComparison.Ordinal) || r.Contains("/aliases", StringComparison.Ordinal));
        var getFunction = requests.Count - controlPlane;
        Assert.Equal(41, controlPlane);
        Assert.Equal(40, getFunction);
        // The shared bucket is paced at 13/s with a burst of 5 (headroom under the 15/s quota): 41 calls need at least
        // (41 - 5) / 13 s of waiting. Had GetFunction shared that bucket, 81 calls would need at least (81 - 5) / 13 s.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(36.0 / 13), TimeSpan.FromSeconds(76.0 / 13) - TimeSpan.FromTicks(1));
        Assert.Equal(320, (await ConsulState.ReadAsync(fixture.Consul)).ServiceNames.Count);
    }
}
