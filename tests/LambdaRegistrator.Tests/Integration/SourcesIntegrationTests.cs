using System.Text;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>
/// One registrator, two accounts by two regions, against moto_server (credentials from sts:AssumeRole into the member
/// account act in that account) and the Consul simulator.
/// </summary>
public sealed class SourcesIntegrationTests(MotoFixture fixture) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string Own = MotoServer.AccountId;
    private const string Member = "111122223333";
    private const string West = "eu-west-1";
    private const string East = MotoServer.Region;
    private const string MemberRole = $"arn:aws:iam::{Member}:role/lambda-registrator-source";

    private static readonly string Sources =
        $$"""[{"regions":["{{East}}","{{West}}"]},{"role_arn":"{{MemberRole}}","regions":["{{East}}","{{West}}"],"external_id":"xid-1"}]""";

    private readonly Dictionary<(string Account, string Region), MotoSeeder> _seeders = [];
    private readonly Dictionary<(string Account, string Region), string> _roles = [];

    private MotoServer Moto => fixture.Moto;

    public async Task InitializeAsync()
    {
        await Moto.ResetAsync();
        foreach (var account in new[] { Own, Member })
        {
            foreach (var region in new[] { East, West })
            {
                var seeder = account == Own ? Moto.SeedIn(region) : await Moto.SeedInAsync(account, region);
                _seeders[(account, region)] = seeder;
                // IAM is global: one role per account serves both regions.
                _roles[(account, region)] = region == East ? await seeder.CreateRoleAsync("function-role") : _roles[(account, East)];
            }
        }
    }

    public Task DisposeAsync()
    {
        foreach (var seeder in _seeders.Values)
        {
            seeder.Dispose();
        }

        return Task.CompletedTask;
    }

    private static Dictionary<string, string> Enabled => new(StringComparer.Ordinal) { [LambdaTags.Prefix + "enabled"] = "true" };

    private Task<string> FunctionAsync(string account, string region, string name, bool enabled = true) =>
        _seeders[(account, region)].CreateFunctionAsync(name, _roles[(account, region)], enabled ? Enabled : null);

    // Each account and region has its own function, named after where it lives.
    private async Task SeedAllAsync()
    {
        foreach (var ((account, region), _) in _seeders)
        {
            await FunctionAsync(account, region, Name(account, region));
        }
    }

    private static string Name(string account, string region) => $"{(account == Own ? "own" : "member")}-{(region == East ? "east" : "west")}";

    private static Task<ConsulTarget> SimulatorAsync() => ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });

    private Task<Engine> StartAsync(ConsulTarget consul, params (string Name, string Value)[] variables) =>
        Engine.StartAsync(Moto.Environment, consul, null, [("SOURCES", Sources), .. variables]);

    private static async Task<Dictionary<string, string>> OwnersAsync(Engine engine) =>
        (await engine.ServicesAsync()).ToDictionary(s => s.Id, s => s.Meta[Ownership.RegistratorIdKey], StringComparer.Ordinal);

    private static byte[] TagEvent(string account, string region, string function) =>
        Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(SampleEvents.Load("tag-resource.json", function))
            .Replace(MotoServer.AccountId, account, StringComparison.Ordinal)
            .Replace(MotoServer.Region, region, StringComparison.Ordinal));

    [Fact]
    public async Task FullSync_TwoAccountsByTwoRegions_RegistersEveryFunctionUnderItsSourcesOwnerId()
    {
        await SeedAllAsync();
        await using var consul = await SimulatorAsync();
        using var engine = await StartAsync(consul);

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["own-east"] = $"{Own}/{East}",
                ["own-west"] = $"{Own}/{West}",
                ["member-east"] = $"{Member}/{East}",
                ["member-west"] = $"{Member}/{West}",
            },
            await OwnersAsync(engine));
        Assert.Equal(
            $"arn:aws:lambda:{West}:{Member}:function:member-west",
            Engine.Argument((await engine.EntryAsync("member-west"))!, "arn"));
        Assert.Equal(
            [$"{Own}/{East}", $"{Own}/{West}", $"{Member}/{East}", $"{Member}/{West}"],
            report.Sources.Select(s => s.Source));
        Assert.All(report.Sources, s => Assert.Equal(("succeeded", 1), (s.Outcome, s.Registered)));
        Assert.Equal(4, report.Metrics.Registered);
        Assert.Null(report.Source);

        // The steady state writes nothing in any source.
        var writes = consul.Stats!.Writes;
        var steady = await engine.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(steady.Plan!.IsEmpty, steady.ToString());
        Assert.Equal(4, steady.Summary.Unchanged);
        Assert.Equal(writes, consul.Stats.Writes);
    }

    [Fact]
    public async Task HandleEvent_CloudTrailEventOfTheMemberAccountAndRegion_IsHandledThroughTheAssumedRole()
    {
        await using var consul = await SimulatorAsync();
        using var engine = await StartAsync(consul);
        var arn = await FunctionAsync(Member, West, "orders", enabled: false);
        await _seeders[(Member, West)].TagResourceAsync(arn, Enabled);

        var report = await engine.Registrator.HandleEventAsync(TagEvent(Member, West, "orders"), SyncContext.None, CancellationToken.None);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
        Assert.Equal(SyncTrigger.TargetedSync, report.Trigger);
        Assert.Equal($"{Member}/{West}", report.Source);
        Assert.Equal(arn, report.Function);
        Assert.Equal(new Dictionary<string, string> { ["orders"] = $"{Member}/{West}" }, await OwnersAsync(engine));
        Assert.Equal(arn, Engine.Argument((await engine.EntryAsync("orders"))!, "arn"));
    }

    [Fact]
    public async Task HandleEvent_EventOfAnAccountThatIsNotASource_IsIgnoredWithAReason()
    {
        await using var consul = await SimulatorAsync();
        using var engine = await StartAsync(consul);
        var writes = consul.Stats!.Writes;

        var report = await engine.Registrator.HandleEventAsync(TagEvent("999999999999", East, "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Ignored, report.Outcome);
        Assert.Contains("in account 999999999999 and region us-east-1, which is not one of this registrator's sources", report.Reason, StringComparison.Ordinal);
        Assert.Equal(writes, consul.Stats.Writes);
        Assert.Empty(await engine.ServiceNamesAsync());
    }

    [Fact]
    public async Task FullSync_ARoleThatCannotBeAssumed_LeavesThatSourcesServicesAndSyncsTheOthers()
    {
        await SeedAllAsync();
        await using var consul = await SimulatorAsync();
        await using var sts = await AwsFaultProxy.StartAsync(Moto.Endpoint);
        using (var first = await StartAsync(consul, ("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri)))
        {
            Assert.Equal(SyncOutcome.Succeeded, (await first.Registrator.FullSyncAsync(dryRun: false)).Outcome);
        }

        // Both sides change: a function of the own account is untagged, one of the member account deleted. Then the
        // member role is denied (a fresh process assumes it anew).
        await _seeders[(Own, East)].UntagResourceAsync($"arn:aws:lambda:{East}:{Own}:function:own-east", [LambdaTags.Prefix + "enabled"]);
        await _seeders[(Member, East)].DeleteFunctionAsync("member-east");
        sts.Inject(new AwsFault(AwsFaultKind.StsAccessDenied, int.MaxValue) { BodyContains = Uri.EscapeDataString(MemberRole) });
        using var engine = await StartAsync(consul, ("AWS_ENDPOINT_URL_STS", sts.Endpoint.AbsoluteUri));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Equal(2, report.Metrics.InventoryIncomplete);
        Assert.Equal(1, report.Metrics.Deregistered);
        foreach (var region in new[] { East, West })
        {
            Assert.Contains(report.Errors, e => e.StartsWith($"{Member}/{region}: sts:AssumeRole on {MemberRole} was denied", StringComparison.Ordinal));
        }

        Assert.Equal(
            [("111122223333/eu-west-1", "failed", true), ("111122223333/us-east-1", "failed", true), ("123456789012/eu-west-1", "succeeded", false), ("123456789012/us-east-1", "succeeded", false)],
            report.Sources.Select(s => (s.Source, s.Outcome, s.InventoryIncomplete)).Order());

        // The own untagged function is gone; the member's services stay, also that of the deleted function.
        Assert.Equal(["member-east", "member-west", "own-west"], await engine.ServiceNamesAsync());
    }

    [Fact]
    public async Task FullSync_SelectedSources_SyncsOnlyThose()
    {
        await SeedAllAsync();
        await using var consul = await SimulatorAsync();
        using var engine = await StartAsync(consul);

        var report = await engine.Registrator.FullSyncAsync(dryRun: false, [$"{Member}/{West}"]);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
        Assert.Equal($"{Member}/{West}", report.Source);
        Assert.Equal(["member-west"], await engine.ServiceNamesAsync());
        var unknown = await Assert.ThrowsAsync<RegistratorConfigurationException>(() => engine.Registrator.FullSyncAsync(dryRun: true, ["999999999999/us-east-1"]));
        Assert.Contains("\"999999999999/us-east-1\" is not a source", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAndDeregister_AnArnOfTheMemberAccount_UseThatSource()
    {
        var arn = await FunctionAsync(Member, West, "manual", enabled: false);
        await using var consul = await SimulatorAsync();
        using var engine = await StartAsync(consul);

        var registered = await engine.Registrator.RegisterAsync(arn, new ManualRegistration(), dryRun: false);
        var elsewhere = await engine.Registrator.RegisterAsync("arn:aws:lambda:us-east-1:999999999999:function:manual", new ManualRegistration(), dryRun: false);

        Assert.True(registered.Outcome == SyncOutcome.Succeeded, registered.ToString());
        Assert.Equal($"{Member}/{West}", registered.Source);
        Assert.Equal(new Dictionary<string, string> { ["manual"] = $"{Member}/{West}" }, await OwnersAsync(engine));
        Assert.Equal(SyncOutcome.Rejected, elsewhere.Outcome);
        Assert.Contains("which is not one of this registrator's sources", elsewhere.Reason, StringComparison.Ordinal);

        var deregistered = await engine.Registrator.DeregisterAsync(arn, dryRun: false);

        Assert.Equal(1, deregistered.Metrics.Deregistered);
        Assert.Empty(await engine.ServiceNamesAsync());
    }
}
