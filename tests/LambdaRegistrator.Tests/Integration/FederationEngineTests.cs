using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using LambdaRegistrator.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using ConsulScope = LambdaRegistrator.Consul.ConsulScope;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>
/// The engine in a two-datacenter WAN federation (dc1 primary, dc2 secondary; the registrator talks to dc1's agent):
/// the simulator on a fake clock here, two real WAN-joined <c>consul agent -dev</c> processes when
/// LAMBDA_REGISTRATOR_CONSUL_TESTS=consul (the real-consul-federation job of .github/workflows/ci.yml).
/// </summary>
public sealed class FederationEngineTests(MotoFixture fixture) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string Primary = "dc1";
    private const string Secondary = "dc2";
    private static readonly TimeSpan ReplicationDelay = TimeSpan.FromMilliseconds(500);

    /// <summary>Why this long: a real secondary's replication loop is rate-limited; it normally converges well under a second.</summary>
    private static readonly TimeSpan RealConvergenceLimit = TimeSpan.FromSeconds(60);

    private static readonly ConsulScope InPrimary = new(Primary, null, null);
    private static readonly ConsulScope InSecondary = new(Secondary, null, null);
    private string _role = string.Empty;
    private FakeTimeProvider? _clock;

    private MotoServer Moto => fixture.Moto;

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

    private Task<ConsulTarget> FederationAsync(string? aclToken = null)
    {
        _clock = ConsulBinary.UseRealConsul && aclToken is null ? null : new FakeTimeProvider(DateTimeOffset.UtcNow);
        return ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            AdditionalDatacenters = [Secondary],
            TimeProvider = _clock,
            ReplicationDelay = ReplicationDelay,
            AclBootstrapToken = aclToken,

            // Why: a real federation with ACLs needs token replication, which the target does not set up.
            SimulatorOnly = aclToken is not null,
        });
    }

    /// <summary>
    /// Waits until replication delivered what <paramref name="probe"/> checks: on the simulator the fake clock moves past
    /// the replication delay and the probe must then hold; against real consul the probe is retried until it holds.
    /// </summary>
    private async Task ReplicatedAsync(Func<Task<bool>> probe, string what)
    {
        if (_clock is not null)
        {
            _clock.Advance(ReplicationDelay);
            Assert.True(await probe(), $"after the replication delay: {what}");
            return;
        }

        var deadline = DateTime.UtcNow + RealConvergenceLimit;
        while (!await probe())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not replicated within {RealConvergenceLimit.TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
    }

    private static async Task<ServiceDefaultsEntry?> EntryAsync(Engine engine, string name, ConsulScope scope) =>
        (await engine.Consul.GetServiceDefaultsAsync(name, scope, CancellationToken.None)).Value;

    private static void AssertSucceeded(SyncReport report) =>
        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());

    [Fact]
    public async Task FullSync_FunctionTaggedForSecondary_RegistersThereWithItsEntryInThePrimaryAndThenWritesNothing()
    {
        var arn = await FunctionAsync("fed-orders", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);

        var first = await engine.Registrator.FullSyncAsync(dryRun: false);

        AssertSucceeded(first);
        var action = Assert.Single(first.Actions);
        Assert.Equal(PlanActionKind.Register, action.Action.Kind);
        Assert.Equal(Secondary, action.Action.Service.Datacenter);
        Assert.Equal(["fed-orders"], await engine.ServiceNamesAsync(InSecondary));
        Assert.Empty(await engine.ServiceNamesAsync(InPrimary));
        var entry = await EntryAsync(engine, "fed-orders", InPrimary);
        Assert.NotNull(entry);
        Assert.Equal(arn, Engine.Argument(entry, "arn"));
        await ReplicatedAsync(async () => await EntryAsync(engine, "fed-orders", InSecondary) is not null, "the entry reaches dc2");

        var second = await engine.Registrator.FullSyncAsync(dryRun: false);

        AssertSucceeded(second);
        Assert.True(second.Plan!.IsEmpty, second.ToString());
        Assert.Equal(1, second.Summary.Unchanged);
    }

    // Replication lag: the secondary's copy is still the old one (or missing) when the next sync runs. Entries are
    // read from the primary, so the plan is right and the check-and-set index is the primary's: no race is lost.
    [Fact]
    public async Task FullSync_UpdateBeforeTheSecondaryCaughtUp_UpdatesOnceWithoutLostRacesAndConverges()
    {
        var arn = await FunctionAsync("fed-lag", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        AssertSucceeded(await engine.Registrator.FullSyncAsync(dryRun: false));
        if (_clock is not null)
        {
            Assert.Null(await EntryAsync(engine, "fed-lag", InSecondary));
        }

        await Moto.Seed.TagResourceAsync(arn, Tags(("payload-passthrough", "true")));
        var update = await engine.Registrator.FullSyncAsync(dryRun: false);

        AssertSucceeded(update);
        var action = Assert.Single(update.Actions);
        Assert.Equal(PlanActionKind.Update, action.Action.Kind);
        Assert.Equal(ActionStatus.Done, action.Status);
        Assert.Equal(0, action.CasRetries);
        Assert.Equal("true", Engine.Argument((await EntryAsync(engine, "fed-lag", InPrimary))!, "payloadPassthrough"));

        var again = await engine.Registrator.FullSyncAsync(dryRun: false);
        AssertSucceeded(again);
        Assert.True(again.Plan!.IsEmpty, again.ToString());
        await ReplicatedAsync(
            async () => await EntryAsync(engine, "fed-lag", InSecondary) is { } copy && Engine.Argument(copy, "payloadPassthrough") == "true",
            "the updated entry reaches dc2");
    }

    // The leak: a function registered in dc2 loses its enabled tag. The deregistration must go to dc2, where the
    // service lives, not to the agent's datacenter.
    [Fact]
    public async Task FullSync_EnabledTagRemovedFromFunctionInSecondary_DeregistersItInTheSecondaryAndDeletesItsEntry()
    {
        var arn = await FunctionAsync("fed-gone", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        AssertSucceeded(await engine.Registrator.FullSyncAsync(dryRun: false));

        await Moto.Seed.UntagResourceAsync(arn, [LambdaTags.Prefix + "enabled"]);
        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        AssertSucceeded(report);
        var action = Assert.Single(report.Actions);
        Assert.Equal(PlanActionKind.Deregister, action.Action.Kind);
        Assert.Equal(Secondary, action.Action.Service.Datacenter);
        Assert.Empty(await engine.ServiceNamesAsync(InSecondary));
        Assert.Null(await EntryAsync(engine, "fed-gone", InPrimary));
        Assert.True((await engine.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
    }

    [Fact]
    public async Task HandleEvent_EnabledTagRemovedFromFunctionInSecondary_TargetedSyncFindsAndDeregistersIt()
    {
        var arn = await FunctionAsync("orders", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        AssertSucceeded(await engine.Registrator.FullSyncAsync(dryRun: false));

        await Moto.Seed.UntagResourceAsync(arn, [LambdaTags.Prefix + "enabled"]);
        var report = await engine.Registrator.HandleEventAsync(SampleEvents.Load("untag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        AssertSucceeded(report);
        Assert.Equal(SyncTrigger.TargetedSync, report.Trigger);
        var action = Assert.Single(report.Actions);
        Assert.Equal(PlanActionKind.Deregister, action.Action.Kind);
        Assert.Equal(Secondary, action.Action.Service.Datacenter);
        Assert.Empty(await engine.ServiceNamesAsync(InSecondary));
        Assert.Null(await EntryAsync(engine, "orders", InPrimary));
    }

    // A datacenter change moves the registration and keeps the one global entry (it is not deleted and re-created).
    [Fact]
    public async Task FullSync_DatacenterTagChanged_MovesTheRegistrationAndKeepsTheEntry()
    {
        var arn = await FunctionAsync("fed-move", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        AssertSucceeded(await engine.Registrator.FullSyncAsync(dryRun: false));
        var created = (await EntryAsync(engine, "fed-move", InPrimary))!.CreateIndex;

        await Moto.Seed.TagResourceAsync(arn, Tags(("datacenter", Primary)));
        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        AssertSucceeded(report);
        Assert.Equal(
            [$"{PlanActionKind.Deregister} {Secondary}", $"{PlanActionKind.Register} {Primary}"],
            report.Actions.Select(a => $"{a.Action.Kind} {a.Action.Service.Datacenter}").Order(StringComparer.Ordinal));
        Assert.Equal(["fed-move"], await engine.ServiceNamesAsync(InPrimary));
        Assert.Empty(await engine.ServiceNamesAsync(InSecondary));
        Assert.Equal(created, (await EntryAsync(engine, "fed-move", InPrimary))!.CreateIndex);
        Assert.True((await engine.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
    }

    [Fact]
    public async Task HandleEvent_DatacenterTagChanged_TargetedSyncMovesTheRegistration()
    {
        var arn = await FunctionAsync("orders", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync();
        using var engine = await Engine.StartAsync(Moto, consul);
        AssertSucceeded(await engine.Registrator.FullSyncAsync(dryRun: false));

        await Moto.Seed.TagResourceAsync(arn, Tags(("datacenter", Primary)));
        var report = await engine.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        AssertSucceeded(report);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync(InPrimary));
        Assert.Empty(await engine.ServiceNamesAsync(InSecondary));
        Assert.NotNull(await EntryAsync(engine, "orders", InPrimary));
    }

    // Two functions named "orders" in two regions, one per registrator, placed in different datacenters: they would
    // share one global service-defaults entry. The second registrator reports a collision and writes nothing, on
    // every sync, instead of taking the entry over.
    [Fact]
    public async Task FullSync_SameNameInTwoDatacentersFromTwoRegistrators_SecondReportsCollisionAndNeverFlaps()
    {
        const string OtherRegion = "eu-west-1";
        var first = await FunctionAsync("orders", ("enabled", "true"), ("datacenter", Primary));
        using (var seed = Moto.SeedIn(OtherRegion))
        {
            await seed.CreateFunctionAsync("orders", _role, Tags(("enabled", "true"), ("datacenter", Secondary)));
        }

        await using var consul = await FederationAsync();
        using var east = await Engine.StartAsync(Moto, consul);
        using var west = await Engine.StartAsync(Moto, consul, ("AWS_REGION", OtherRegion));
        AssertSucceeded(await east.Registrator.FullSyncAsync(dryRun: false));

        for (var round = 0; round < 2; round++)
        {
            var report = await west.Registrator.FullSyncAsync(dryRun: false);

            Assert.Empty(report.Actions);
            var problem = Assert.Single(report.Problems, p => p.Kind == PlanProblemKind.NameCollision);
            Assert.Contains("shared by every datacenter", problem.Message, StringComparison.Ordinal);
            Assert.Empty(await west.ServiceNamesAsync(InSecondary));
            Assert.Equal(first, Engine.Argument((await EntryAsync(east, "orders", InPrimary))!, "arn"));
            Assert.True((await east.Registrator.FullSyncAsync(dryRun: false)).Plan!.IsEmpty);
        }
    }

    // Without agent:read the primary cannot be discovered in a federation: the sync says so, names the rule and the
    // variable, and writes nothing; with CONSUL_PRIMARY_DATACENTER it works with the same token.
    [Fact]
    public async Task FullSync_FederationTokenWithoutAgentRead_ReportsHowToFixAndWritesNothingUntilPrimaryIsConfigured()
    {
        const string Management = "5d1e6f7a-8b9c-4d0e-a1f2-b3c4d5e6f7a8";
        await FunctionAsync("fed-acl", ("enabled", "true"), ("datacenter", Secondary));
        await using var consul = await FederationAsync(Management);
        var token = await AclTokens.CreateAsync(consul.Address, Management,
            "node_prefix \"\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"write\" }\nmesh = \"write\"\noperator = \"read\"");
        var writes = consul.Stats!.Writes;
        var reader = new ConsulClientOptions { Address = consul.Address, Token = Management };
        using (var engine = await Engine.StartAsync(Moto.Environment, consul, reader, ("CONSUL_HTTP_TOKEN", token)))
        {
            var report = await engine.Registrator.FullSyncAsync(dryRun: false);

            Assert.Equal(SyncOutcome.Failed, report.Outcome);
            var error = Assert.Single(report.Errors);
            Assert.Contains("CONSUL_PRIMARY_DATACENTER", error, StringComparison.Ordinal);
            Assert.Contains("agent_prefix \"\" { policy = \"read\" }", error, StringComparison.Ordinal);
            Assert.DoesNotContain(token, error + engine.Log, StringComparison.Ordinal);
            Assert.Equal(writes, consul.Stats.Writes);
        }

        using (var configured = await Engine.StartAsync(Moto.Environment, consul, reader, ("CONSUL_HTTP_TOKEN", token), ("CONSUL_PRIMARY_DATACENTER", Primary)))
        {
            var report = await configured.Registrator.FullSyncAsync(dryRun: false);

            AssertSucceeded(report);
            Assert.Equal(["fed-acl"], await configured.ServiceNamesAsync(InSecondary));
            Assert.NotNull(await EntryAsync(configured, "fed-acl", InPrimary));
        }
    }
}
