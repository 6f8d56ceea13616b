using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Triggers;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

public sealed class PlanSummaryTests
{
    [Fact]
    public void ForPlan_FullSync_CountsActionsAndProblemsByKind()
    {
        var observed = Observed(OwnedService("gone", "gone"), OwnedService("drifted", "drifted"), OwnedEntry("drifted", "drifted", 3, mode: "x"),
            OwnedService("same", "same"), OwnedEntry("same", "same", 4));
        var desired = Full(Enabled("new"), Enabled("drifted"), Enabled("same"), Enabled("bad", "invocation-mode", "x"), Enabled("bad2", "payload-passthrough", "x"));

        var summary = PlanSummary.ForPlan(Planner.CreatePlan(desired, observed, Options()));

        Assert.Equal("full-sync", summary.Trigger);
        Assert.Null(summary.Function);
        Assert.Equal(1, summary.Registered);
        Assert.Equal(1, summary.Updated);
        Assert.Equal(1, summary.Deregistered);
        Assert.Equal(1, summary.Unchanged);
        Assert.Equal(2, summary.Problems);
        Assert.Equal(new Dictionary<string, int> { ["InvalidTags"] = 2 }, summary.ProblemsByKind);
        Assert.Equal(0, summary.Failed);
    }

    [Fact]
    public void Serialize_TargetedSyncWithFailures_UsesCamelCaseAndOmitsNulls()
    {
        var plan = Planner.CreatePlan(DesiredState.ForFunction(Arn("orders"), Enabled("orders")), Observed(), Options());
        var summary = PlanSummary.ForPlan(plan).WithFailures(["register orders: Consul returned 500"]);

        var json = JsonSerializer.Serialize(summary, LambdaResponseJsonContext.Default.PlanSummary);

        Assert.Equal(
            """{"trigger":"targeted-sync","function":"arn:aws:lambda:us-east-1:123456789012:function:orders","registered":1,"updated":0,"deregistered":0,"unchanged":0,"problems":0,"failed":1,"failures":["register orders: Consul returned 500"]}""",
            json);
    }

    [Fact]
    public void ForIgnored_Event_CarriesTheReason()
    {
        var summary = PlanSummary.ForIgnored(new IgnoredEvent("PublishVersion20150331 does not change what is registered"));

        Assert.Equal(
            """{"trigger":"ignored","registered":0,"updated":0,"deregistered":0,"unchanged":0,"problems":0,"failed":0,"reason":"PublishVersion20150331 does not change what is registered"}""",
            JsonSerializer.Serialize(summary, LambdaResponseJsonContext.Default.PlanSummary));
    }

    [Fact]
    public void ForRejected_Event_CarriesTheMessage()
    {
        var summary = PlanSummary.ForRejected(new RejectedEvent("The event has no \"source\"."));

        Assert.Equal("rejected", summary.Trigger);
        Assert.Equal("The event has no \"source\".", summary.Reason);
    }
}
