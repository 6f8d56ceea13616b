using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Sources;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>ADOPT_UNOWNED_SERVICES: Go-written services nobody claims are taken over, and removed when their function is done with them.</summary>
public sealed class AdoptionTests
{
    private static PlanningOptions Adopting(Source? source = null) => Options() with { AdoptUnownedServices = true, Source = source ?? Home() };

    [Fact]
    public void CreatePlan_WithoutAdoption_GoServiceOfAGoneFunctionIsKeptWithAProblemNamingTheWayOut()
    {
        var observed = Observed(GoService("gone"), GoEntry("gone", Arn("gone").ToString(), 5));

        var plan = Planner.CreatePlan(Full(), observed, Options());

        Assert.Empty(plan.Actions);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(PlanProblemKind.UnclaimedLegacyService, problem.Kind);
        Assert.Contains("ADOPT_UNOWNED_SERVICES=true", problem.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, FunctionInventoryEntry[], string> Removed => new()
    {
        { "function gone", [], "no longer exists in AWS" },
        { "function no longer enabled", [Function("gone", "enabled", "false")], "no longer enabled" },
    };

    [Theory]
    [MemberData(nameof(Removed))]
    public void CreatePlan_Adopting_GoServiceWhoseFunctionIsDone_IsRemovedWithItsEntry(string caseName, FunctionInventoryEntry[] functions, string reason)
    {
        var observed = Observed(GoService("gone"), GoEntry("gone", Arn("gone").ToString(), 5));

        var plan = Planner.CreatePlan(Full(functions), observed, Adopting());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Deregister, action.Kind);
        Assert.True(action.Adopts, caseName);
        Assert.Equal(Arn("gone"), action.FunctionArn);
        Assert.Contains(reason, action.Reason, StringComparison.Ordinal);
        Assert.Contains("adopted from the Go registrator", action.Reason, StringComparison.Ordinal);
        Assert.Collection(action.Steps, s => Assert.IsType<DeleteConfigEntry>(s), s => Assert.IsType<DeregisterService>(s));
        Assert.Empty(plan.Problems);
        Assert.True(Planner.CreatePlan(Full(functions), PlanApplication.Apply(observed, plan), Adopting()).IsEmpty, caseName);
    }

    [Fact]
    public void CreatePlan_Adopting_GoAliasServiceOfAnExistingFunction_IsRemovedWhenTheAliasLeftTheTag()
    {
        var observed = Observed(
            GoService("orders"), GoEntry("orders", Arn("orders").ToString(), 5),
            GoService("orders-beta"), GoEntry("orders-beta", Arn("orders") + ":beta", 6));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Adopting());

        Assert.Equal(["update orders", "deregister orders-beta"], plan.Actions.Select(a => $"{a.Kind.ToString().ToLowerInvariant()} {a.Service.Name}"));
        Assert.All(plan.Actions, a => Assert.True(a.Adopts));
        Assert.Contains("alias \"beta\" is no longer in the", plan.Actions[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_Adopting_GoServiceOfAnotherRegion_IsKeptAndReported()
    {
        var other = "arn:aws:lambda:eu-west-1:123456789012:function:elsewhere";
        var observed = Observed(GoService("elsewhere"), GoEntry("elsewhere", other, 5));

        var plan = Planner.CreatePlan(Full(), observed, Adopting());

        Assert.Empty(plan.Actions);
        var problem = Assert.Single(plan.Problems);
        Assert.Contains("not adopted", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_Adopting_GoServiceWithoutEntryAndUnknownAccount_IsKeptAndReported()
    {
        var plan = Planner.CreatePlan(Full(), Observed(GoService("nameless")), Adopting(new Source(null, Region, Me)));

        Assert.Empty(plan.Actions);
        Assert.Contains("cannot be told", Assert.Single(plan.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_Adopting_IncompleteInventoryOrTargetedSync_RemovesNothing()
    {
        var observed = Observed(GoService("gone"), GoEntry("gone", Arn("gone").ToString(), 5));

        Assert.Empty(Planner.CreatePlan(Incomplete(), observed, Adopting()).Actions);
        Assert.Empty(Planner.CreatePlan(DesiredState.ForFunction(Arn("other"), null), observed, Adopting()).Actions);
    }

    [Fact]
    public void CreatePlan_Adopting_ForeignServiceAndGoServiceOfAFunctionWithInvalidTags_AreNeverTouched()
    {
        var observed = Observed(ForeignService("web"), GoService("broken"), GoEntry("broken", Arn("broken").ToString(), 5));

        var plan = Planner.CreatePlan(Full(Enabled("broken", "invocation-mode", "fast")), observed, Adopting());

        Assert.Empty(plan.Actions);
    }
}
