using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>What exactly is written: the Consul objects, CAS indexes, step order and reasons.</summary>
public sealed class PlannerContentTests
{
    [Fact]
    public void CreatePlan_NewFunction_WritesConfigEntryBeforeRegistration()
    {
        var plan = Planner.CreatePlan(Full(Enabled("orders")), Observed(), Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Register, action.Kind);
        Assert.Equal(Arn("orders"), action.FunctionArn);
        Assert.Null(action.MeshIdentity);
        Assert.Empty(plan.MeshIdentities);
        Assert.Collection(action.Steps,
            step =>
            {
                var put = Assert.IsType<PutConfigEntry>(step);
                Assert.Equal(0UL, put.CasIndex);
                Assert.Equal("orders", put.Entry.Name);
                Assert.Equal("service-defaults", put.Entry.Kind);
                Assert.Equal("http", Body(put).Protocol);
                Assert.Equal(OwnerMeta("orders"), put.Entry.Meta);
                var extension = Assert.Single(Body(put).EnvoyExtensions);
                Assert.Equal("builtin/aws/lambda", extension.Name);
                Assert.False(extension.Required);
                Assert.Equal("\"arn:aws:lambda:us-east-1:123456789012:function:orders\"", extension.Arguments["arn"].GetRawText());
                Assert.Equal("false", extension.Arguments["payloadPassthrough"].GetRawText());
                Assert.Equal("\"synchronous\"", extension.Arguments["invocationMode"].GetRawText());
                Assert.Equal(3, extension.Arguments.Count);
            },
            step =>
            {
                var registration = Assert.IsType<RegisterService>(step).Registration;
                Assert.Equal("lambdas", registration.Node);
                Assert.True(CatalogRegistration.SkipNodeUpdate);
                Assert.Equal(new Dictionary<string, string> { ["external-node"] = "true", ["external-probe"] = "true" }, registration.NodeMeta);
                Assert.Equal("orders", registration.Service.Id);
                Assert.Equal("orders", registration.Service.Name);
                Assert.Equal(["managed-by-lambda-registrator"], registration.Service.Tags);
                Assert.Equal(OwnerMeta("orders").Append(new("external-source", "lambda")), registration.Service.Meta.OrderBy(m => m.Key == "external-source"));
            });
    }

    [Fact]
    public void CreatePlan_AsynchronousPassthroughAlias_WritesLowerCaseModeAndQualifiedArn()
    {
        var plan = Planner.CreatePlan(Full(Enabled("orders", "invocation-mode", "ASYNCHRONOUS", "payload-passthrough", "TRUE", "aliases", "live")), Observed(), Options());

        var alias = plan.Actions.Single(a => a.Service.Name == "orders-live");
        var put = alias.Steps.OfType<PutConfigEntry>().Single();
        var arguments = Body(put).EnvoyExtensions[0].Arguments;
        Assert.Equal("\"arn:aws:lambda:us-east-1:123456789012:function:orders:live\"", arguments["arn"].GetRawText());
        Assert.Equal("true", arguments["payloadPassthrough"].GetRawText());
        Assert.Equal("\"asynchronous\"", arguments["invocationMode"].GetRawText());
        Assert.Equal(Arn("orders").ToString(), put.Entry.Meta[Ownership.FunctionArnKey]);
        Assert.Equal(Arn("orders").ToString(), alias.Steps.OfType<RegisterService>().Single().Registration.Service.Meta[Ownership.FunctionArnKey]);
    }

    [Fact]
    public void CreatePlan_LegacyMetaFormat_WritesServerlessPluginMetaAndNoExtension()
    {
        var options = Options() with { ServiceDefaultsFormat = ServiceDefaultsFormat.LegacyMeta };

        var plan = Planner.CreatePlan(Full(Enabled("orders", "invocation-mode", "asynchronous", "payload-passthrough", "true")), Observed(), options);

        var entry = plan.Actions.Single().Steps.OfType<PutConfigEntry>().Single().Entry;
        Assert.Empty(Assert.IsType<ServiceDefaults>(entry.Body).EnvoyExtensions);
        Assert.Equal("http", Assert.IsType<ServiceDefaults>(entry.Body).Protocol);
        Assert.Equal(new Dictionary<string, string>
        {
            [Ownership.RegistratorIdKey] = Me,
            [Ownership.FunctionArnKey] = Arn("orders").ToString(),
            ["serverless.consul.hashicorp.com/v1alpha1/lambda/enabled"] = "true",
            ["serverless.consul.hashicorp.com/v1alpha1/lambda/arn"] = Arn("orders").ToString(),
            ["serverless.consul.hashicorp.com/v1alpha1/lambda/payload-passthrough"] = "true",
            ["serverless.consul.hashicorp.com/v1alpha1/lambda/region"] = "us-east-1",
            ["serverless.consul.hashicorp.com/v1alpha1/lambda/invocation-mode"] = "asynchronous",
        }, entry.Meta);
    }

    [Fact]
    public void CreatePlan_SwitchingFormat_UpdatesTheEntryOnly()
    {
        var observed = Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 12));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options() with { ServiceDefaultsFormat = ServiceDefaultsFormat.LegacyMeta });

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        var put = Assert.IsType<PutConfigEntry>(Assert.Single(action.Steps));
        Assert.Equal(12UL, put.CasIndex);
        Assert.Contains("EnvoyExtensions count 1 -> 0", action.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_DriftedInvocationMode_UpdatesWithCasAndSaysWhatDrifted()
    {
        var observed = Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 42, mode: "ASYNCHRONOUS"));

        var plan = Planner.CreatePlan(Full(Enabled("orders", "invocation-mode", "asynchronous")), observed, Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        var put = Assert.IsType<PutConfigEntry>(Assert.Single(action.Steps));
        Assert.Equal(42UL, put.CasIndex);
        Assert.Contains("invocationMode \"ASYNCHRONOUS\" -> \"asynchronous\"", action.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_RegistrationMissingButEntryCurrent_RegistersOnly()
    {
        var plan = Planner.CreatePlan(Full(Enabled("orders")), Observed(OwnedEntry("orders", "orders", 5)), Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Register, action.Kind);
        Assert.IsType<RegisterService>(Assert.Single(action.Steps));
    }

    [Fact]
    public void CreatePlan_GoRegistratorObjects_AreAdoptedWithCas()
    {
        var observed = Observed(GoService("orders"), GoEntry("orders", Arn("orders").ToString(), 17));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Contains("adopting", action.Reason, StringComparison.Ordinal);
        Assert.Equal(17UL, Assert.IsType<PutConfigEntry>(action.Steps[0]).CasIndex);
        Assert.Equal(ServiceMeta("orders"), Assert.IsType<RegisterService>(action.Steps[1]).Registration.Service.Meta);
    }

    [Fact]
    public void CreatePlan_OwnedServiceOfDeletedFunction_DeletesEntryThenDeregistersWithCas()
    {
        var observed = Observed(OwnedService("gone", "gone"), OwnedEntry("gone", "gone", 23));

        var plan = Planner.CreatePlan(Full(), observed, Options() with { ExtensionDataPrefix = "/consul/ext" });

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Deregister, action.Kind);
        Assert.Equal(Arn("gone"), action.FunctionArn);
        Assert.Contains("no longer exists", action.Reason, StringComparison.Ordinal);
        Assert.Equal(new MeshIdentityStep(MeshIdentityAction.Delete, action.Service, "/consul/ext/default/default/gone"), action.MeshIdentity);
        Assert.Collection(action.Steps,
            s => Assert.Equal(DeleteDefaults("gone", 23), s),
            s => Assert.Equal(new DeregisterService("lambdas", "gone"), s));
    }

    [Fact]
    public void CreatePlan_OwnedEntryLeftBehindWithoutService_IsDeleted()
    {
        var plan = Planner.CreatePlan(Full(), Observed(OwnedEntry("gone", "gone", 8)), Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal([DeleteDefaults("gone", 8)], action.Steps);
    }

    [Fact]
    public void CreatePlan_OwnedServiceNextToForeignEntry_DeregistersServiceButKeepsTheEntry()
    {
        var plan = Planner.CreatePlan(Full(), Observed(OwnedService("gone", "gone"), ForeignEntry("gone", 3)), Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal([new DeregisterService("lambdas", "gone")], action.Steps);
    }

    public static TheoryData<string, ObservedState, string> Collisions => new()
    {
        { "service registered by someone else", Observed(ForeignService("orders")), "not managed by a Lambda registrator" },
        { "config entry written by someone else", Observed(ForeignEntry("orders", 4)), "was not written by a Lambda registrator" },
        { "service of another registrator", Observed(OwnedService("orders", "orders", registratorId: "other")), "owned by registrator \"other\"" },
        { "entry of another registrator", Observed(OwnedEntry("orders", "orders", 4, registratorId: "other")), "owned by registrator \"other\"" },
        { "Go entry pointing at another region's function", Observed(GoService("orders"), GoEntry("orders", "arn:aws:lambda:eu-west-1:123456789012:function:orders", 4)), "points at arn:aws:lambda:eu-west-1" },
        {
            "another instance of the same service name on the node",
            Observed(new ObservedService(Default, new CatalogService("orders-1", "orders", [], new Dictionary<string, string>()))),
            "instance of service \"orders\" with ID \"orders-1\""
        },
    };

    [Theory]
    [MemberData(nameof(Collisions))]
    public void CreatePlan_NameTakenByAnObjectNotOwned_ReportsCollisionAndWritesNothing(string caseName, ObservedState observed, string messageFragment)
    {
        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());

        Assert.True(plan.IsEmpty, caseName);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal(PlanProblemKind.NameCollision, problem.Kind);
        Assert.Equal(Arn("orders"), problem.FunctionArn);
        Assert.Contains(messageFragment, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreatePlan_EnterprisePlacement_UsesTaggedPartitionAndNamespace()
    {
        var scope = new ConsulScope(null, "ap1", "team-a");

        var plan = Planner.CreatePlan(Full(Enabled("orders", "partition", "ap1", "namespace", "team-a")), Observed([], [], scope), Enterprise("ap1"));

        var action = Assert.Single(plan.Actions);
        Assert.Equal(new ServiceKey(null, "ap1", "team-a", "orders"), action.Service);
        Assert.Equal("ap1", action.Service.Partition);
        Assert.Equal("team-a", action.Service.Namespace);
    }

    [Fact]
    public void CreatePlan_EnterpriseObservedWithoutExplicitDefaults_MatchesDefaultPartitionAndNamespace()
    {
        var observed = Observed([OwnedService("orders", "orders")], [OwnedEntry("orders", "orders", 3)], Default);

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Enterprise("default"));

        Assert.True(plan.IsEmpty, string.Join(", ", plan.Actions));
        Assert.Equal(1, plan.UnchangedServices);
    }

    [Fact]
    public void CreatePlan_InventoryArnNotFull_Throws()
    {
        var desired = DesiredState.FullSync([new FunctionInventoryEntry(LambdaRegistrator.Core.Tags.LambdaArn.Parse("orders"), TagSet("enabled", "true"))], true);

        Assert.Throws<ArgumentException>(() => Planner.CreatePlan(desired, Observed(), Options()));
    }

    [Fact]
    public void RequiredScopes_CommunityEdition_DefaultScopePlusTaggedDatacenters()
    {
        var desired = Full(Enabled("a"), Enabled("b", "datacenter", "dc2"), Function("c", "enabled", "false", "datacenter", "dc3"));

        var scopes = DesiredServices.RequiredScopes(desired, Options() with { LocalDatacenter = "dc1" });

        Assert.Equal([new ConsulScope("dc1", null, null), new ConsulScope("dc2", null, null)], scopes);
    }

    [Fact]
    public void RequiredScopes_Enterprise_EveryManagedPartitionPlusTaggedNamespaces()
    {
        var desired = Full(Enabled("a", "partition", "ap1", "namespace", "ns1"), Enabled("b", "partition", "unmanaged"));

        var scopes = DesiredServices.RequiredScopes(desired, Enterprise("default", "ap1"));

        Assert.Equal([new ConsulScope(null, "ap1", "default"), new ConsulScope(null, "default", "default"), new ConsulScope(null, "ap1", "ns1")], scopes);
    }

    [Fact]
    public void ParameterPath_CommunityEdition_UsesDefaultPartitionAndNamespace()
    {
        Assert.Equal("/ext/default/default/orders", MeshIdentities.ParameterPath("/ext/", new ServiceKey(null, null, null, "orders")));
        Assert.Equal("/ext/ap1/ns1/orders-live", MeshIdentities.ParameterPath("/ext", new ServiceKey("dc1", "ap1", "ns1", "orders-live")));
    }

    [Fact]
    public void ServiceKey_Equality_IgnoresCaseAndTreatsEmptyAsDefault()
    {
        Assert.Equal(new ServiceKey("DC1", "", null, "Orders"), new ServiceKey("dc1", null, "", "orders"));
        Assert.Equal(new ServiceKey("DC1", "", null, "Orders").GetHashCode(), new ServiceKey("dc1", null, "", "orders").GetHashCode());
        Assert.NotEqual(new ServiceKey("dc1", null, null, "orders"), new ServiceKey("dc2", null, null, "orders"));
    }

    [Fact]
    public void PlanApplication_StaleCasIndex_Throws()
    {
        var observed = Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 5, mode: "x"));
        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());
        var moved = Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 6, mode: "x"));

        var ex = Assert.Throws<InvalidOperationException>(() => PlanApplication.Apply(moved, plan));

        Assert.Contains("CAS mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvoyExtensionArguments_FromConsulJson_CompareByValue()
    {
        using var document = JsonDocument.Parse("""{"arn":"arn:aws:lambda:us-east-1:123456789012:function:orders","payloadPassthrough":false,"invocationMode":"synchronous"}""");
        var arguments = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
        var observed = Observed(OwnedService("orders", "orders"),
            new ObservedConfigEntry(Default, Defaults("orders", "HTTP", OwnerMeta("orders"), new EnvoyExtension("builtin/aws/lambda", false, arguments)), 3));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());

        Assert.True(plan.IsEmpty, string.Join(", ", plan.Actions));
    }

    [Fact]
    public void CreatePlan_ObservedEntryWithFieldsTheKindDoesNotModel_IsInSync()
    {
        using var proxy = JsonDocument.Parse("""{"Mode":"local"}""");
        var entry = OwnedEntry("orders", "orders", 3);
        var body = Assert.IsType<ServiceDefaults>(entry.Entry.Body) with { Unknown = new Dictionary<string, JsonElement> { ["MeshGateway"] = proxy.RootElement.Clone() } };
        var observed = Observed(OwnedService("orders", "orders"), entry with { Entry = entry.Entry with { Body = body } });

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());

        Assert.True(plan.IsEmpty, string.Join(", ", plan.Actions));
    }

    [Fact]
    public void CreatePlan_OwnedEntryOfAKindNotWrittenPerService_IsNeverDeleted()
    {
        var resolver = new ObservedConfigEntry(Default, new ConfigEntry("gone", OwnerMeta("gone"), new RawBody("service-resolver", JsonFields.None)), 9);
        var observed = Observed(OwnedService("gone", "gone"), OwnedEntry("gone", "gone", 4), resolver);

        var plan = Planner.CreatePlan(Full(), observed, Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal([DeleteDefaults("gone", 4), new DeregisterService("lambdas", "gone")], action.Steps);
    }

    [Fact]
    public void CreatePlan_ExtensionDataPrefix_WritesNewRefreshesKeptAndDeletesRemovedIdentities()
    {
        var options = Options() with { ExtensionDataPrefix = "/ext" };
        var observed = Observed(
            OwnedService("kept", "kept"), OwnedEntry("kept", "kept", 2),
            OwnedService("drifted", "drifted"), OwnedEntry("drifted", "drifted", 3, mode: "ASYNCHRONOUS"),
            OwnedService("gone", "gone"), OwnedEntry("gone", "gone", 4),
            OwnedService("theirs", "theirs", registratorId: "other"),
            GoService("legacy"));

        var plan = Planner.CreatePlan(Full(Enabled("kept"), Enabled("drifted"), Enabled("fresh")), observed, options);

        Assert.Equal(
            ["Update drifted Refresh /ext/default/default/drifted", "Register fresh Write /ext/default/default/fresh", "Deregister gone Delete /ext/default/default/gone"],
            plan.Actions.Select(a => $"{a.Kind} {a.Service.Name} {a.MeshIdentity!.Action} {a.MeshIdentity.Path}"));
        Assert.Equal([new MeshIdentityStep(MeshIdentityAction.Refresh, new ServiceKey(null, null, null, "kept"), "/ext/default/default/kept")], plan.MeshIdentities);
    }

    [Fact]
    public void CreatePlan_TargetedSyncWithExtensionData_RefreshesOnlyTheTargetsIdentities()
    {
        var options = Options() with { ExtensionDataPrefix = "/ext" };
        var observed = Observed(OwnedService("orders", "orders"), OwnedEntry("orders", "orders", 2), OwnedService("billing", "billing"), OwnedEntry("billing", "billing", 3));

        var plan = Planner.CreatePlan(DesiredState.ForFunction(Arn("orders"), Enabled("orders")), observed, options);

        Assert.True(plan.IsEmpty);
        Assert.Equal(["/ext/default/default/orders"], plan.MeshIdentities.Select(m => m.Path));
    }

    [Fact]
    public void CreatePlan_RegisteredBeforeExternalSource_OneRegistrationUpdateThenSteadyState()
    {
        var old = new ObservedService(Default, new CatalogService("orders", "orders", [Ownership.ManagedTag], OwnerMeta("orders")));
        var observed = Observed(old, OwnedEntry("orders", "orders", 3));

        var plan = Planner.CreatePlan(Full(Enabled("orders")), observed, Options());

        var action = Assert.Single(plan.Actions);
        Assert.Equal(PlanActionKind.Update, action.Kind);
        Assert.Contains("service Meta external-source missing", action.Reason, StringComparison.Ordinal);
        var register = Assert.IsType<RegisterService>(Assert.Single(action.Steps));
        Assert.Equal("lambda", register.Registration.Service.Meta["external-source"]);
        Assert.True(Planner.CreatePlan(Full(Enabled("orders")), PlanApplication.Apply(observed, plan), Options()).IsEmpty);
    }
}
