using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>Event handling: classification into full, targeted, ignored and rejected, over the real sample events.</summary>
public sealed class EventTests
{
    private static readonly SyncContext Invocation = new($"arn:aws:lambda:{FakeLambdaApi.Region}:{FakeLambdaApi.Account}:function:registrator", "req-1");

    public static TheoryData<string, string, string> NoWorkEvents => new()
    {
        { "failed API call", "failed-delete-function.json", "ignored" },
        { "tag on an event source mapping", "tag-event-source-mapping.json", "ignored" },
        { "unhandled API (PublishVersion)", "publish-version.json", "ignored" },
    };

    [Theory]
    [MemberData(nameof(NoWorkEvents))]
    public async Task HandleEvent_EventNeedingNoWork_IsAcknowledgedWithoutConsulCalls(string caseName, string file, string outcome)
    {
        _ = caseName;
        var h = new Harness();
        h.Lambda.Add(SampleEvents.SampleFunction, Harness.Enabled());
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load(file), Invocation, CancellationToken.None);

        Assert.Equal(SyncOutcome.Ignored, report.Outcome);
        Assert.Empty(h.Consul.Writes);
        Assert.Empty(h.Lambda.Calls);
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(outcome, json.RootElement.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("reason").GetString()));
    }

    [Theory]
    [InlineData("not JSON", "{not json")]
    [InlineData("no source", "{\"detail-type\":\"Scheduled Event\"}")]
    public async Task HandleEvent_MalformedEvent_IsRejectedAndNothingIsWritten(string caseName, string body)
    {
        _ = caseName;
        var h = new Harness();
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(System.Text.Encoding.UTF8.GetBytes(body), Invocation, CancellationToken.None);

        Assert.Equal(SyncOutcome.Rejected, report.Outcome);
        Assert.NotNull(report.Reason);
        Assert.Empty(h.Consul.Writes);
    }

    [Fact]
    public async Task HandleEvent_ScheduledEvent_RunsAFullSync()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), Invocation, CancellationToken.None);

        Assert.Equal(SyncTrigger.FullSync, report.Trigger);
        Assert.True(h.Consul.Services.ContainsKey("a"));
    }

    [Fact]
    public async Task HandleEvent_TagAndDeleteEvents_TouchOnlyTheirFunction()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("other", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);
        h.Lambda.Add("a", Harness.Enabled(("invocation-mode", "ASYNCHRONOUS")));
        h.Lambda.Add("other", Harness.Enabled(("payload-passthrough", "true")));
        var tagCalls = h.Tagging.Calls;

        var tagged = await registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "a"), Invocation, CancellationToken.None);

        Assert.Equal(SyncTrigger.TargetedSync, tagged.Trigger);
        Assert.Equal(PlanActionKind.Update, Assert.Single(tagged.Actions).Action.Kind);
        Assert.Equal("asynchronous", FakeConsulClient.Argument(h.Consul.Entries["a"], "invocationMode"));
        Assert.Equal("false", FakeConsulClient.Argument(h.Consul.Entries["other"], "payloadPassthrough"));
        Assert.Equal(tagCalls, h.Tagging.Calls);

        h.Lambda.Functions.TryRemove("a", out _);
        var deleted = await registrator.HandleEventAsync(SampleEvents.Load("delete-function.json", "a"), Invocation, CancellationToken.None);

        Assert.Equal(PlanActionKind.Deregister, Assert.Single(deleted.Actions).Action.Kind);
        Assert.Equal(["other"], h.Consul.Services.Keys);
        Assert.Equal(["other"], h.Consul.Entries.Keys);
    }

    // CloudTrail does not always record responseElements.functionArn; requestParameters.functionName (a name, partial
    // ARN or ARN) still names the function, and the event syncs it like any other.
    public static TheoryData<string, string> EventsNamingTheFunctionOnlyInTheRequest => new()
    {
        { "UpdateFunctionConfiguration recording only layers (name)", "update-function-configuration-layers.json" },
        { "UpdateFunctionConfiguration with responseElements omitted (partial ARN)", "update-function-configuration-omitted-response.json" },
        { "UpdateFunctionConfiguration with null responseElements (ARN)", "update-function-configuration-null-response.json" },
        { "CreateFunction with responseElements omitted (name)", "create-function-omitted-response.json" },
        { "CreateFunction with null responseElements (name)", "create-function-null-response.json" },
    };

    [Theory]
    [MemberData(nameof(EventsNamingTheFunctionOnlyInTheRequest))]
    public async Task HandleEvent_FunctionNamedOnlyInRequestParameters_IsSynced(string caseName, string file)
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Lambda.Add("other", Harness.Enabled());
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load(file, "a"), Invocation, CancellationToken.None);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, $"{caseName}: {report}");
        Assert.Equal(SyncTrigger.TargetedSync, report.Trigger);
        Assert.Equal(FakeLambdaApi.ArnOf("a"), report.Function);
        Assert.Equal(["a", "a-live"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(FakeLambdaApi.ArnOf("a"), FakeConsulClient.Argument(h.Consul.Entries["a"], "arn"));
        Assert.Equal(1, h.Lambda.CallCount("GetFunction"));
    }

    [Fact]
    public async Task HandleEvent_DeleteAlias_DeregistersOnlyThatAliasService()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live+beta")), "live", "beta");
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(["a", "a-beta", "a-live"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        h.Lambda.Functions["a"].Aliases.Remove("live");

        var report = await registrator.HandleEventAsync(SampleEvents.Load("delete-alias.json", "a"), Invocation, CancellationToken.None);

        Assert.Equal(["a", "a-beta"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(report.Problems, p => p.Kind == PlanProblemKind.MissingAlias);
    }

    [Fact]
    public async Task HandleEvent_GetFunctionFails_NothingIsWrittenAndTheInvocationFails()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.FailGetFunction.Add("a");
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load("create-function.json", "a"), Invocation, CancellationToken.None);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Empty(h.Consul.Writes);
        Assert.Null(report.Plan);
    }

    [Fact]
    public async Task HandleEvent_NoAccountConfigured_TakesTheOwnerIdFromTheInvokedFunctionArn()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create(account: null);

        await registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), Invocation, CancellationToken.None);

        Assert.Equal(Harness.RegistratorId, h.Consul.Services["a"].Meta[Ownership.RegistratorIdKey]);
    }

    [Fact]
    public async Task FullSync_NoAccountAndNoRegistratorId_FailsNamingTheVariables()
    {
        var h = new Harness();
        using var registrator = h.Create(account: null);

        var error = await Assert.ThrowsAsync<RegistratorConfigurationException>(() => registrator.FullSyncAsync(dryRun: false));

        Assert.Contains("REGISTRATOR_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("AWS_ACCOUNT_ID", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_ExplicitRegistratorId_IsWrittenAsOwner()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create(account: null, ("REGISTRATOR_ID", "team-a/eu"));

        await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal("team-a/eu", h.Consul.Entries["a"].Meta[Ownership.RegistratorIdKey]);
    }

    [Fact]
    public async Task RegisterAndDeregister_ManualFunction_WriteAndRemoveItsServices()
    {
        var h = new Harness();
        h.Lambda.Add("manual", new Dictionary<string, string>(), "live");
        using var registrator = h.Create();

        var registered = await registrator.RegisterAsync(
            FakeLambdaApi.ArnOf("manual"), new ManualRegistration(PayloadPassthrough: true, Aliases: ["live", "nope"]), dryRun: false);

        Assert.Equal(["manual", "manual-live"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("true", FakeConsulClient.Argument(h.Consul.Entries["manual"], "payloadPassthrough"));
        Assert.Contains(registered.Problems, p => p.Kind == PlanProblemKind.MissingAlias);

        var planned = await registrator.DeregisterAsync("manual", dryRun: true);
        Assert.Equal(2, planned.Plan!.Count(PlanActionKind.Deregister));
        Assert.Equal(2, h.Consul.Services.Count);

        await registrator.DeregisterAsync("manual", dryRun: false);
        Assert.Empty(h.Consul.Services);
        Assert.Empty(h.Consul.Entries);
    }
}
