using System.Globalization;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// AWS throttling and failures under a whole sync: the registrator composed from its environment, talking to moto_server
/// through the fault proxy (the AWS client tests prove one call's retry policy; these prove the engine converges and
/// respects its deadline).
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class AwsFaultTests(MotoFixture fixture) : IAsyncLifetime
{
    private const string FunctionsPath = "/2015-03-31/functions";
    private const string GetResources = "ResourceGroupsTaggingAPI_20170126.GetResources";
    private readonly List<ExpectedService> _expected = [];
    private AwsFaultProxy _proxy = null!;
    private ConsulTarget _consul = null!;

    private MotoServer Moto => fixture.Moto;

    public async Task InitializeAsync()
    {
        var role = await fixture.ResetAsync();
        foreach (var (name, aliases) in new[] { ("orders", new[] { "live" }), ("billing", []), ("search", []), ("audit", ["live"]) })
        {
            var arn = await Moto.Seed.CreateFunctionAsync(name, role, TagSet.Enabled(aliases));
            foreach (var alias in aliases)
            {
                await Moto.Seed.CreateAliasAsync(name, alias, await Moto.Seed.PublishVersionAsync(name));
            }

            _expected.AddRange(ExpectedService.For(name, arn, aliases));
        }

        await Moto.Seed.CreateFunctionAsync("untagged", role);
        _proxy = await AwsFaultProxy.StartAsync(Moto.Endpoint);
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
    }

    public async Task DisposeAsync()
    {
        await _consul.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    public static TheoryData<string, string, AwsFault> Faults => new()
    {
        { "Lambda 429 TooManyRequestsException on GetFunction/ListAliases", "tagging", new AwsFault(AwsFaultKind.LambdaTooManyRequests, 3) { PathPrefix = FunctionsPath + "/" } },
        { "Lambda 429 on ListFunctions", "list-functions", new AwsFault(AwsFaultKind.LambdaTooManyRequests, 2) { PathPrefix = FunctionsPath } },
        { "Tagging ThrottledException on GetResources", "tagging", new AwsFault(AwsFaultKind.TaggingThrottled, 3) { Target = GetResources } },
        { "Lambda 500 ServiceException", "list-functions", new AwsFault(AwsFaultKind.InternalError, 4) { PathPrefix = FunctionsPath } },
        { "connection reset on GetResources", "tagging", new AwsFault(AwsFaultKind.ConnectionReset, 2) { Target = GetResources } },
        { "connection reset on GetFunction", "list-functions", new AwsFault(AwsFaultKind.ConnectionReset, 3) { PathPrefix = FunctionsPath + "/" } },
        { "slow responses (300 ms), every request of the sync", "tagging", new AwsFault(AwsFaultKind.Delay, 5) { Delay = TimeSpan.FromMilliseconds(300) } },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task FullSync_AwsThrottledOrFailing_RetriesAndConverges(string caseName, string strategy, AwsFault fault)
    {
        _proxy.Inject(fault);
        using var rig = await Rig.StartAsync(_proxy.Endpoint, _consul, ("INVENTORY_STRATEGY", strategy));

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, $"{caseName}: {report}\n{rig.Log}");
        Assert.Equal(fault.Count, _proxy.Requests.Count(r => r.Fault == fault.Kind));
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), _expected, Inventories.Owner);
        var writes = _consul.Stats!.Writes;
        Assert.True((await rig.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    [Fact]
    public async Task FullSync_Lambda429WithRetryAfter_WaitsAtLeastRetryAfterAndSignsTheRetryAfresh()
    {
        _proxy.Inject(new AwsFault(AwsFaultKind.LambdaTooManyRequests, 1) { PathPrefix = FunctionsPath, RetryAfter = TimeSpan.FromSeconds(1) });
        using var rig = await Rig.StartAsync(_proxy.Endpoint, _consul, ("INVENTORY_STRATEGY", "list-functions"));

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        var requests = _proxy.Requests;
        var throttled = requests.Single(r => r.Fault is not null);
        var retry = requests.First(r => r.Fault is null && r.Method == throttled.Method && r.PathAndQuery == throttled.PathAndQuery);
        // SigV4 dates have one-second resolution: a retry sent at least Retry-After later carries a later date, and
        // therefore a different signature; a replayed request would repeat both.
        var throttledAt = SignedAt(throttled);
        var retriedAt = SignedAt(retry);
        Assert.True(retriedAt - throttledAt >= TimeSpan.FromSeconds(1), $"throttled at {throttledAt:O}, retried at {retriedAt:O}");
        Assert.NotEqual(throttled.Authorization, retry.Authorization);
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), _expected, Inventories.Owner);
    }

    [Fact]
    public async Task CreateAsync_SsmThrottledReadingTheToken_RetriesAndStarts()
    {
        await Moto.Seed.PutParameterAsync("/consul/token", "3e9d6d4a-0000-4000-8000-0123456789ab");
        _proxy.Inject(new AwsFault(AwsFaultKind.SsmThrottling, 2) { Target = "AmazonSSM.GetParameter" });

        using var rig = await Rig.StartAsync(_proxy.Endpoint, _consul, ("CONSUL_HTTP_TOKEN_PATH", "/consul/token"));
        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(3, _proxy.Requests.Count(r => r.Target == "AmazonSSM.GetParameter"));
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), _expected, Inventories.Owner);
    }

    public static TheoryData<string, string, string, AwsFault> ThrottledPastTheDeadline => new()
    {
        { "full sync, list-functions: ListFunctions throttled with Retry-After 20 s", "list-functions", "scheduled-event.json", new AwsFault(AwsFaultKind.LambdaTooManyRequests, 1000) { PathPrefix = FunctionsPath, RetryAfter = TimeSpan.FromSeconds(20) } },
        // Why Retry-After here too: without it the jittered back-off of 5 attempts can sum to less than the 1 s deadline,
        // and the sync then (correctly) fails on exhausted retries instead of reaching the deadline: a flaky case.
        { "full sync, tagging: GetResources throttled with Retry-After 20 s", "tagging", "scheduled-event.json", new AwsFault(AwsFaultKind.TaggingThrottled, 1000) { Target = GetResources, RetryAfter = TimeSpan.FromSeconds(20) } },
        { "full sync, tagging: GetFunction confirmation throttled", "tagging", "scheduled-event.json", new AwsFault(AwsFaultKind.LambdaTooManyRequests, 1000) { PathPrefix = FunctionsPath, RetryAfter = TimeSpan.FromSeconds(20) } },
        { "targeted sync: GetFunction throttled", "tagging", "tag-resource.json", new AwsFault(AwsFaultKind.LambdaTooManyRequests, 1000) { PathPrefix = FunctionsPath, RetryAfter = TimeSpan.FromSeconds(20) } },
        { "targeted sync: GetFunction hangs", "tagging", "tag-resource.json", new AwsFault(AwsFaultKind.Delay, 1000) { PathPrefix = FunctionsPath, Delay = TimeSpan.FromSeconds(60) } },
    };

    [Theory]
    [MemberData(nameof(ThrottledPastTheDeadline))]
    public async Task HandleEvent_AwsThrottledPastTheDeadline_StopsAtTheDeadlineWritesNothingAndReports(string caseName, string strategy, string eventFile, AwsFault fault)
    {
        _proxy.Inject(fault);
        // Production retry policy: 5 attempts, back-off capped at 20 s, 10 s per attempt: without the deadline this
        // invocation would take well over a minute. Every wait and the deadline run on one injected clock, which moves
        // only once the faulted call is in flight: how fast this machine answers the calls before it plays no part.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var rig = await Rig.StartAsync(
            Rig.EnvironmentFor(_proxy.Endpoint, _consul, ("INVENTORY_STRATEGY", strategy)), aws: new AwsClientOptions { TimeProvider = clock }, time: clock);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(1), clock);

        var invocation = rig.Registrator.HandleEventAsync(SampleEvents.Load(eventFile, "orders"), SyncContext.None, deadline.Token);
        // Liveness guards, not timing assertions: the faulted call is reached, and an invocation that ignored its
        // deadline would wait for the 20 s Retry-After (or the 60 s hang) on a clock that no longer moves.
        await _proxy.WhenAppliedAsync(fault).WaitAsync(TimeSpan.FromSeconds(60));
        clock.Advance(TimeSpan.FromSeconds(1));
        var report = await invocation.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(report.Outcome is SyncOutcome.DeadlineReached, $"{caseName}: {report}");
        Assert.True(report.DeadlineReached, caseName);
        Assert.Contains("deadline", report.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, _consul.Stats!.Writes);
        Assert.Contains(_proxy.Requests, r => r.Fault == fault.Kind);
    }

    private static DateTimeOffset SignedAt(ProxiedRequest request) =>
        DateTimeOffset.ParseExact(request.AmzDate!, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
