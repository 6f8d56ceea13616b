using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>A plan with nothing to do says why; a manual deregistration says it was asked for; unrecognised ARNs are problems.</summary>
public sealed class PlanNoteTests
{
    private static readonly ObservedState Registered = Observed(
        OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 2),
        OwnedService("orders-live", "orders"), OwnedEntry("orders-live", "orders", 3, "live"));

    public static TheoryData<string, DesiredState, ObservedState, string?> Notes => new()
    {
        { "no registrator tags", DesiredState.ForFunction(Arn("reports"), new FunctionInventoryEntry(Arn("reports"), new Dictionary<string, string> { ["team"] = "x" })), Registered, "has no registrator tags" },
        { "enabled=false, nothing registered", DesiredState.ForFunction(Arn("reports"), Function("reports", "enabled", "false")), Registered, "is not enabled" },
        { "gone, nothing registered", DesiredState.ForFunction(Arn("reports"), null), Registered, "does not exist in AWS" },
        { "already in sync", DesiredState.ForFunction(Arn("orders"), Enabled("orders", "aliases", "live")), Registered, "2 service(s) unchanged" },
        { "manual deregistration, nothing registered", DesiredState.Deregistration(Arn("reports")), Registered, "nothing to deregister" },
        { "full sync, nothing enabled", Full(Function("reports", "enabled", "false")), Observed(), "none of the 1 listed function(s) is enabled" },
        { "targeted sync with actions: the actions say it", DesiredState.ForFunction(Arn("orders"), null), Registered, null },
        { "invalid tags: the problem says it", DesiredState.ForFunction(Arn("reports"), Enabled("reports", "invocation-mode", "fast")), Registered, null },
        { "full sync with unchanged services", Full(Enabled("orders", "aliases", "live")), Registered, null },
    };

    [Theory]
    [MemberData(nameof(Notes))]
    public void CreatePlan_NothingToDo_NoteSaysWhy(string caseName, DesiredState desired, ObservedState observed, string? expected)
    {
        var plan = Planner.CreatePlan(desired, observed, Options());

        if (expected is null)
        {
            Assert.True(plan.Note is null, $"{caseName}: {plan.Note}");
        }
        else
        {
            Assert.True(plan.Note?.Contains(expected, StringComparison.Ordinal) == true, $"{caseName}: {plan.Note}");
        }
    }

    [Fact]
    public void CreatePlan_ManualDeregistrationOfAnEnabledFunction_RemovesItsServicesWithTheTrueReason()
    {
        var plan = Planner.CreatePlan(DesiredState.Deregistration(Arn("orders")), Registered, Options());

        Assert.Equal(["orders", "orders-live"], plan.Actions.Select(a => a.Service.Name));
        Assert.All(plan.Actions, a =>
        {
            Assert.Equal(PlanActionKind.Deregister, a.Kind);
            Assert.Contains("asked for by hand", a.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void CreatePlan_UnrecognisedListedResource_IsReportedAndTheRestIsPlanned()
    {
        var desired = DesiredState.FullSync([Enabled("orders")], isComplete: true, unrecognised: ["arn:aws:lambda:us-east-1:123456789012:function:bad name"]);

        var plan = Planner.CreatePlan(desired, Observed(), Options());

        Assert.Equal(["orders"], plan.Actions.Select(a => a.Service.Name));
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(PlanProblemKind.UnrecognisedResource, problem.Kind);
        Assert.Contains("bad name", problem.Message, StringComparison.Ordinal);
    }
}
