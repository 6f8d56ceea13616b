using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>Full-sync cases from the Go suite (TestFullSyncData, TestGetLambdaData) and this project's fixes, as one table.</summary>
public sealed class PlannerSyncTests
{
    private static readonly ConsulScope Dc1 = new("dc1", null, null);
    private static readonly ConsulScope Dc2 = new("dc2", null, null);

    private static PlanningOptions Filtered(string[] include, string[] exclude) =>
        Options() with { Source = Home() with { Filter = FunctionNameFilter.Create(include, exclude) } };

    public static TheoryData<string, DesiredState, ObservedState, PlanningOptions, string[], PlanProblemKind[]> Cases => new()
    {
        // --- Go suite ---
        {
            "Add a service", Full(Enabled("lambda-1234", "invocation-mode", "SYNCHRONOUS")), Observed(), Options(),
            ["register lambda-1234"], []
        },
        {
            "Remove a service", Full(), Observed(OwnedService("lambda-1234", "lambda-1234"), OwnedEntry("lambda-1234", "lambda-1234", 7)), Options(),
            ["deregister lambda-1234"], []
        },
        {
            "Ignore Lambdas without create service meta", Full(Function("lambda-1234", "enabled", "false")), Observed(), Options(),
            [], []
        },
        {
            "Ignore Lambdas in other datacenters", Full(Enabled("lambda-1234", "datacenter", "dc2")), Observed([], [], Dc1), Options() with { Datacenter = "dc1" },
            [], [PlanProblemKind.DatacenterNotManaged]
        },
        {
            "With aliases", Full(Enabled("lambda-1234", "aliases", "prod+dev")), Observed(), Options(),
            ["register lambda-1234", "register lambda-1234-dev", "register lambda-1234-prod"], []
        },
        {
            "Ignore enterprise-tagged Lambdas in OSS",
            Full(Enabled("lambda-1234"), Enabled("lambda-oss-enterprise-meta", "partition", "ap1", "namespace", "ns1")), Observed(), Options(),
            ["register lambda-1234"], [PlanProblemKind.EnterpriseTagsWithoutEnterprise]
        },
        {
            "Ignoring Lambdas in unhandled partitions", Full(Enabled("lambda-1234", "partition", "ap1", "namespace", "ns1")),
            Observed([], [], new ConsulScope(null, "default", "default")), Enterprise("default"),
            [], [PlanProblemKind.PartitionNotManaged]
        },
        {
            "Ignoring Lambda Consul services in unhandled partitions", Full(),
            Observed([OwnedService("lambda-1234", "lambda-1234", scope: new ConsulScope(null, "ap1", "ns1"))], [], new ConsulScope(null, "ap1", "ns1")), Enterprise("default"),
            [], []
        },
        {
            "Removing disabled services", Full(Function("lambda-1234", "enabled", "false")), Observed(OwnedService("lambda-1234", "lambda-1234")), Options(),
            ["deregister lambda-1234"], []
        },
        {
            "Invalid invocation mode leaves the function alone", Full(Enabled("lambda-1234", "invocation-mode", "invalid")),
            Observed(OwnedService("lambda-1234", "lambda-1234"), OwnedEntry("lambda-1234", "lambda-1234", 3, mode: "asynchronous")), Options(),
            [], [PlanProblemKind.InvalidTags]
        },

        // --- this project's fixes ---
        {
            "One invalid function does not stop the others", Full(Enabled("broken", "payload-passthrough", "maybe"), Enabled("healthy")),
            Observed(OwnedService("broken", "broken")), Options(),
            ["register healthy"], [PlanProblemKind.InvalidTags]
        },
        {
            "Incomplete inventory deregisters nothing", Incomplete(Function("disabled", "enabled", "false")),
            Observed(OwnedService("gone", "gone"), OwnedService("disabled", "disabled")), Options(),
            [], [PlanProblemKind.InventoryIncomplete]
        },
        {
            "Incomplete inventory still registers what it knows", Incomplete(Enabled("new")), Observed(OwnedService("gone", "gone")), Options(),
            ["register new"], [PlanProblemKind.InventoryIncomplete]
        },
        {
            "Unreadable tags leave the function as it is", Full(new FunctionInventoryEntry(Arn("lambda-1234"), null)),
            Observed(OwnedService("lambda-1234", "lambda-1234"), OwnedEntry("lambda-1234", "lambda-1234", 3, mode: "asynchronous")), Options(),
            [], [PlanProblemKind.TagsUnknown]
        },
        {
            "Drift repair rewrites the Go registrator's upper-case invocation mode", Full(Enabled("fn", "invocation-mode", "ASYNCHRONOUS")),
            Observed(OwnedService("fn", "fn"), OwnedEntry("fn", "fn", 9, mode: "ASYNCHRONOUS")), Options(),
            ["update fn"], []
        },
        {
            "Drift repair re-registers a service whose tags were edited",
            Full(Enabled("fn")),
            Observed(new ObservedService(Default, new CatalogService("fn", "fn", [Ownership.ManagedTag, "edited"], OwnerMeta("fn"))), OwnedEntry("fn", "fn", 2)), Options(),
            ["update fn"], []
        },
        {
            "Steady state plans nothing", Full(Enabled("fn")), Observed(OwnedService("fn", "fn"), OwnedEntry("fn", "fn", 2)), Options(),
            [], []
        },
        {
            "Alias removed from the tag is deregistered", Full(Enabled("fn", "aliases", "live")),
            Observed(OwnedService("fn", "fn"), OwnedEntry("fn", "fn", 2), OwnedService("fn-live", "fn"), OwnedEntry("fn-live", "fn", 3, "live"),
                OwnedService("fn-old", "fn"), OwnedEntry("fn-old", "fn", 4, "old")), Options(),
            ["deregister fn-old"], []
        },
        {
            "Alias missing on AWS is reported and not registered", Full(new FunctionInventoryEntry(Arn("fn"), TagSet("enabled", "true", "aliases", "prod+dev"), ["prod"])),
            Observed(), Options(),
            ["register fn", "register fn-prod"], [PlanProblemKind.MissingAlias]
        },
        {
            "Function moved to another datacenter", Full(Enabled("fn", "datacenter", "dc2")),
            Observed([OwnedService("fn", "fn", scope: Dc1)], [OwnedEntry("fn", "fn", 5, scope: Dc1)], Dc1, Dc2), Options(),
            ["deregister fn (dc=dc1)", "register fn (dc=dc2)"], []
        },
        {
            "With DATACENTER set, an untagged function registers there", Full(Enabled("fn")), Observed([], [], Dc1), Options() with { Datacenter = "dc1" },
            ["register fn (dc=dc1)"], []
        },
        {
            "Function tagged for another datacenter loses its services here", Full(Enabled("fn", "datacenter", "dc2")),
            Observed([OwnedService("fn", "fn", scope: Dc1)], [], Dc1), Options() with { Datacenter = "dc1" },
            ["deregister fn (dc=dc1)"], [PlanProblemKind.DatacenterNotManaged]
        },
        {
            "A scope that was not read is not planned", Full(Enabled("fn", "datacenter", "dc9")), Observed(), Options(),
            [], [PlanProblemKind.ScopeNotObserved]
        },
        {
            "Adopting the Go registrator's objects", Full(Enabled("fn")),
            Observed(GoService("fn"), GoEntry("fn", Arn("fn").ToString(), 11)), Options(),
            ["update fn"], []
        },
        {
            "A Go-registered service no function claims is never deleted", Full(Enabled("fn")),
            Observed(GoService("orphan"), GoEntry("orphan", Arn("orphan").ToString(), 4)), Options(),
            ["register fn"], [PlanProblemKind.UnclaimedLegacyService]
        },
        {
            "A Go-registered service of a function with invalid tags is not reported as unclaimed", Full(Enabled("fn", "invocation-mode", "x")),
            Observed(GoService("fn"), GoService("fn-live")), Options(),
            [], [PlanProblemKind.InvalidTags]
        },
        {
            "Two registrators: the other one's services are never deleted", Full(),
            Observed(OwnedService("theirs", "theirs", registratorId: "210987654321/eu-west-1"), OwnedEntry("theirs", "theirs", 5, registratorId: "210987654321/eu-west-1")), Options(),
            [], []
        },
        {
            "Two registrators: the same name is a collision, not an overwrite", Full(Enabled("shared")),
            Observed(OwnedService("shared", "shared", registratorId: "210987654321/eu-west-1"), OwnedEntry("shared", "shared", 5, registratorId: "210987654321/eu-west-1")), Options(),
            [], [PlanProblemKind.NameCollision]
        },
        {
            "Two functions wanting one name: neither is written", Full(Enabled("a", "aliases", "b"), Enabled("a-b")), Observed(), Options(),
            ["register a"], [PlanProblemKind.DuplicateServiceName, PlanProblemKind.DuplicateServiceName]
        },
        {
            "A name freed by one function is taken over by another", Full(Enabled("a"), Enabled("a-b")),
            Observed(OwnedService("a", "a"), OwnedEntry("a", "a", 2), OwnedService("a-b", "a"), OwnedEntry("a-b", "a", 3, "b")), Options(),
            ["update a-b"], []
        },
        {
            "A name held by a function whose tags are unknown is not taken over", Full(new FunctionInventoryEntry(Arn("a"), null), Enabled("a-b")),
            Observed(OwnedService("a-b", "a"), OwnedEntry("a-b", "a", 3, "b")), Options(),
            [], [PlanProblemKind.TagsUnknown, PlanProblemKind.NameCollision]
        },
        {
            "Enterprise: partition and namespace from tags", Full(Enabled("fn", "partition", "ap1", "namespace", "ns1"), Enabled("plain")),
            Observed([], [], new ConsulScope(null, "ap1", "ns1"), new ConsulScope(null, "default", "default")), Enterprise("default", "ap1"),
            ["register fn (partition=ap1 ns=ns1)", "register plain (partition=default ns=default)"], []
        },
        {
            "Service IDs are compared case-insensitively, like Consul", Full(Enabled("Orders")),
            Observed(new ObservedService(Default, new CatalogService("orders", "orders", [Ownership.ManagedTag], OwnerMeta("Orders"))), OwnedEntry("Orders", "Orders", 2)), Options(),
            ["update Orders"], []
        },
        // --- Function-name filters (FUNCTION_INCLUDE / FUNCTION_EXCLUDE, a source's include/exclude) ---
        {
            "An included function is registered, one the include globs miss is not",
            Full(Enabled("orders-api"), Enabled("billing-api")), Observed(), Filtered(["orders-*"], []),
            ["register orders-api"], []
        },
        {
            "An excluded function's owned services are deregistered, as if it were not enabled",
            Full(Enabled("orders-test")), Observed(OwnedService("orders-test", "orders-test"), OwnedEntry("orders-test", "orders-test", 7)), Filtered([], ["*-test"]),
            ["deregister orders-test"], []
        },
        {
            "A filtered-out function whose tags could not be read is still deregistered (the filter needs only its name)",
            Full(new FunctionInventoryEntry(Arn("orders-test"), null)), Observed(OwnedService("orders-test", "orders-test")), Filtered([], ["*-test"]),
            ["deregister orders-test"], []
        },
        {
            "The global and the source's include globs must both match",
            Full(Enabled("orders-api"), Enabled("orders-web")),
            Observed(),
            Options() with { Source = Home() with { Filter = FunctionNameFilter.Create(["orders-*"], []).And(FunctionNameFilter.Create(["*-api"], [])) } },
            ["register orders-api"], []
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void CreatePlan_FullSync_PlansExpectedActionsAndProblems(string caseName, DesiredState desired, ObservedState observed, PlanningOptions options, string[] expectedActions, PlanProblemKind[] expectedProblems)
    {
        var plan = Planner.CreatePlan(desired, observed, options);

        Assert.True(expectedActions.SequenceEqual(plan.Actions.Select(a => $"{a.Kind.ToString().ToLowerInvariant()} {a.Service}")),
            $"{caseName}: got [{string.Join(", ", plan.Actions)}]");
        Assert.True(expectedProblems.Order().SequenceEqual(plan.Problems.Select(p => p.Kind).Order()),
            $"{caseName}: got problems [{string.Join(" | ", plan.Problems)}]");
        Assert.All(plan.Actions, a => Assert.False(string.IsNullOrWhiteSpace(a.Reason)));

        var after = PlanApplication.Apply(observed, plan);
        var again = Planner.CreatePlan(desired, after, options);
        Assert.True(again.IsEmpty, $"{caseName}: not steady, second plan [{string.Join(", ", again.Actions)}]");
    }
}
