using System.Text.Json;
using LambdaRegistrator.Aws.Tagging;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Logging;
using LambdaRegistrator.Tests.Fakes;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>Every summary says why: a function without registrator tags, a manual deregistration, a skipped resource.</summary>
public sealed class ReasonTests
{
    private static readonly SyncContext Invocation = new($"arn:aws:lambda:{FakeLambdaApi.Region}:{FakeLambdaApi.Account}:function:registrator", "req-1");

    [Fact]
    public async Task HandleEvent_FunctionWithoutRegistratorTags_SummarySaysWhyNothingHappened()
    {
        var h = new Harness();
        h.Lambda.Add("reports", new Dictionary<string, string> { ["team"] = "finance" });
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load("tag-resource-untagged-function.json"), Invocation, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(SyncReport.TargetedSyncTrigger, report.Trigger);
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal(0, json.RootElement.GetProperty("registered").GetInt32());
        var reason = json.RootElement.GetProperty("reason").GetString();
        Assert.Contains("has no registrator tags", reason, StringComparison.Ordinal);
        Assert.Contains(LambdaTags.Enabled + "=true", reason, StringComparison.Ordinal);
        Assert.Empty(h.Consul.Writes);
    }

    [Fact]
    public async Task HandleEvent_FunctionNotEnabled_SummarySaysItIsNotEnabled()
    {
        var h = new Harness();
        h.Lambda.Add("reports", new Dictionary<string, string> { [LambdaTags.Enabled] = "false" });
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load("tag-resource-untagged-function.json"), Invocation, CancellationToken.None);

        Assert.Contains("is not enabled", report.Summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deregister_FunctionThatExists_SaysItWasAskedForNotThatTheFunctionIsGone()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();
        await registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(2, h.Consul.Services.Count);

        var report = await registrator.DeregisterAsync(FakeLambdaApi.ArnOf("a"), dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(2, report.Actions.Count);
        Assert.All(report.Actions, a =>
        {
            Assert.Equal(PlanActionKind.Deregister, a.Action.Kind);
            Assert.Contains("asked for by hand", a.Action.Reason, StringComparison.Ordinal);
            Assert.DoesNotContain("no longer exists", a.Action.Reason, StringComparison.Ordinal);
        });
        Assert.Empty(h.Consul.Services);
    }

    [Fact]
    public async Task Deregister_NothingRegistered_SaysThereIsNothingToDeregister()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        using var registrator = h.Create();

        var report = await registrator.DeregisterAsync(FakeLambdaApi.ArnOf("a"), dryRun: true);

        Assert.Contains("nothing to deregister", report.Summary.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_NoFunctionEnabled_SaysSo()
    {
        var h = new Harness();
        h.Lambda.Add("off", new Dictionary<string, string> { [LambdaTags.Enabled] = "false" });
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Contains("none of the 1 listed function(s) is enabled", report.Summary.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> Strategies => new()
    {
        { "tagging", "tagging" },
        { "list-functions", "list-functions" },
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task FullSync_ListedResourceThatIsNotAFunctionArn_IsAProblemLoggedAtTheDefaultLevel(string caseName, string strategy)
    {
        var h = new Harness();
        using var log = new StringWriter();
        h.Logger = new JsonLinesLogger(log, LogLevel.Information);
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        const string Malformed = "arn:aws:lambda:us-east-1:123456789012:function:bad name";
        h.Tagging.Resources.Add(new ResourceTagMapping(Malformed, Harness.Enabled()));
        h.Lambda.ListedArns.Add(Malformed);
        using var registrator = h.Create(("INVENTORY_STRATEGY", strategy));

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.True(h.Consul.Services.ContainsKey("a"), caseName);
        var problem = Assert.Single(report.Problems);
        Assert.Equal(PlanProblemKind.UnrecognisedResource, problem.Kind);
        Assert.Contains(Malformed, problem.Message, StringComparison.Ordinal);
        Assert.Equal(1, report.Summary.Problems);
        Assert.Contains(Malformed, log.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"level\":\"warn\"", log.ToString().Split('\n').First(l => l.Contains(Malformed, StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("us-east-1", "arn:aws:lambda:us-east-1:")]
    [InlineData("cn-north-1", "arn:aws-cn:lambda:cn-north-1:")]
    [InlineData("us-isob-east-1", "arn:aws-iso-b:lambda:us-isob-east-1:")]
    [InlineData("eusc-de-east-1", "arn:aws-eusc:lambda:eusc-de-east-1:")]
    public async Task Deregister_BareNameWithoutAccount_SuggestsTheArnOfTheRegionsPartition(string region, string expected)
    {
        var h = new Harness { Region = region };
        using var registrator = h.Create(account: null, ("REGISTRATOR_ID", "me"));

        var report = await registrator.DeregisterAsync("orders", dryRun: true);

        Assert.Equal(SyncOutcome.Rejected, report.Outcome);
        Assert.Contains(expected + "<account>:function:<name>", report.Reason, StringComparison.Ordinal);
    }
}
