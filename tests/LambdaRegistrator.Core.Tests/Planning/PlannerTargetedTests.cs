using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Core.Triggers;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>Targeted syncs (one function after a CloudTrail event): only that function's services are touched.</summary>
public sealed class PlannerTargetedTests
{
    private static readonly ObservedState Neighbourhood = Observed(
        OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 2),
        OwnedService("orders-live", "orders"), OwnedEntry("orders-live", "orders", 3, "live"),
        OwnedService("stale", "stale"), OwnedEntry("stale", "stale", 4),
        GoService("legacy"));

    public static TheoryData<string, LambdaArn, FunctionInventoryEntry?, string[]> Cases => new()
    {
        { "DeleteFunction: the function is gone", Arn("orders"), null, ["deregister orders", "deregister orders-live"] },
        { "DeleteFunction by bare name", LambdaArn.Parse("orders"), null, ["deregister orders", "deregister orders-live"] },
        { "UntagResource: enabled tag removed", Arn("orders"), Function("orders"), ["deregister orders", "deregister orders-live"] },
        { "TagResource: alias dropped from the tag", Arn("orders"), Enabled("orders"), ["deregister orders-live"] },
        { "DeleteAlias: alias no longer exists on AWS", Arn("orders"), new FunctionInventoryEntry(Arn("orders"), TagSet("enabled", "true", "aliases", "live"), []), ["deregister orders-live"] },
        { "CreateAlias: new alias in the tag", Arn("orders"), Enabled("orders", "aliases", "live+beta"), ["register orders-beta"] },
        { "UpdateFunctionConfiguration: nothing changed", Arn("orders"), Enabled("orders", "aliases", "live"), [] },
        { "TagResource: invalid tag leaves everything", Arn("orders"), Enabled("orders", "invocation-mode", "fast"), [] },
        { "Tags unreadable leaves everything", Arn("orders"), new FunctionInventoryEntry(Arn("orders"), null), [] },
        { "CreateFunction of an unrelated function", Arn("fresh"), Enabled("fresh"), ["register fresh"] },
        { "Function of the legacy name adopts the Go service only", Arn("legacy"), Enabled("legacy"), ["update legacy"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreatePlan_TargetedSync_TouchesOnlyTheTargetFunction(string caseName, LambdaArn target, FunctionInventoryEntry? function, string[] expected)
    {
        var desired = DesiredState.ForFunction(target, function);

        var plan = Planner.CreatePlan(desired, Neighbourhood, Options());

        Assert.True(expected.SequenceEqual(plan.Actions.Select(a => $"{a.Kind.ToString().ToLowerInvariant()} {a.Service}")),
            $"{caseName}: got [{string.Join(", ", plan.Actions)}]");
        Assert.DoesNotContain(plan.Actions, a => a.Service.Name == "stale");
        Assert.Equal(target.Unqualified, plan.Target);
        Assert.DoesNotContain(plan.Problems, p => p.Kind is PlanProblemKind.UnclaimedLegacyService or PlanProblemKind.InventoryIncomplete);
        var after = PlanApplication.Apply(Neighbourhood, plan);
        Assert.True(Planner.CreatePlan(desired, after, Options()).IsEmpty, caseName);
    }

    [Fact]
    public void CreatePlan_TargetedNameCollisionWithUnknownPreviousOwner_IsReportedNotOverwritten()
    {
        // "a-b" belongs to function "a" (alias b); a targeted sync of new function "a-b" cannot know whether "a" still wants it.
        var observed = Observed(OwnedService("a-b", "a"), OwnedEntry("a-b", "a", 3, "b"));

        var plan = Planner.CreatePlan(DesiredState.ForFunction(Arn("a-b"), Enabled("a-b")), observed, Options());

        Assert.True(plan.IsEmpty);
        Assert.Equal(PlanProblemKind.NameCollision, Assert.Single(plan.Problems).Kind);
    }

    [Fact]
    public void CreatePlan_EventEndToEnd_DeleteFunctionSampleDeregistersTheFunction()
    {
        var bytes = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", "delete-function.json"));
        var trigger = Assert.IsType<TargetedSync>(TriggerClassifier.Classify(bytes));

        var plan = Planner.CreatePlan(DesiredState.ForFunction(trigger.Function, null), Neighbourhood, Options());

        Assert.Equal(["orders", "orders-live"], plan.Actions.Select(a => a.Service.Name));
        Assert.All(plan.Actions, a => Assert.Equal(PlanActionKind.Deregister, a.Kind));
    }

    [Fact]
    public void ForFunction_InventoryOfAnotherFunction_Throws()
    {
        var desired = DesiredState.ForFunction(Arn("orders"), Enabled("billing"));

        Assert.Throws<ArgumentException>(() => Planner.CreatePlan(desired, Observed(), Options()));
    }
}
