using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Security;

/// <summary>
/// The smallest Consul ACL policy the registrator needs (docs/reliability.md), proven against the simulator in ACL mode
/// (default deny): it covers a first sync (the node does not exist yet), a steady-state sync and a deregistration; and
/// each rule is needed: without it the sync fails with a message naming the missing permission.
/// </summary>
public sealed class AclPolicyTests : IAsyncLifetime
{
    /// <summary>The minimal policy for NODE_NAME=lambdas on Consul CE (documented in docs/reliability.md).</summary>
    public const string MinimalPolicy = """
        service_prefix "" {
          policy = "write"
        }
        node "lambdas" {
          policy = "write"
        }
        """;

    private const string Management = "6a1f1d5e-0000-4000-8000-00000000aaaa";
    private const string RegistratorToken = "7b2e2c6f-1111-4111-8111-11111111bbbb";
    private HostileAws _aws = null!;
    private ConsulTarget _consul = null!;

    public async Task InitializeAsync()
    {
        _aws = await HostileAws.StartAsync();
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AclBootstrapToken = Management });
    }

    public async Task DisposeAsync()
    {
        await _consul.DisposeAsync();
        await _aws.DisposeAsync();
    }

    private Task<Rig> RegistratorAsync(string token) =>
        Rig.StartAsync(Rig.EnvironmentFor(_aws.Endpoint, _consul, ("CONSUL_HTTP_TOKEN", token)), consulRetry: LambdaRegistrator.Consul.ConsulRetryPolicy.None);

    [Fact]
    public async Task MinimalPolicy_FirstSyncSteadyStateTargetedSyncAndDeregistration_AllSucceed()
    {
        await ConsulAcl.CreateTokenAsync(_consul.Address, Management, MinimalPolicy, RegistratorToken);
        List<FakeFunction> functions = [FakeFunction.Of("orders", TagSet.Enabled("live"), "live"), FakeFunction.Of("billing", TagSet.Enabled())];
        _aws.Set(functions);
        using var rig = await RegistratorAsync(RegistratorToken);

        var first = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(first.Outcome == SyncOutcome.Succeeded, first.ToString());
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), Inventories.Expected(functions), Inventories.Owner);

        var writes = _consul.Stats!.Writes;
        var steady = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(steady.Outcome == SyncOutcome.Succeeded && steady.Plan!.IsEmpty, steady.ToString());
        Assert.Equal(writes, _consul.Stats.Writes);

        _aws.Set([functions[0] with { Tags = TagSet.Of(("enabled", "true"), ("payload-passthrough", "true")) }, functions[1]]);
        var targeted = await rig.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);
        Assert.True(targeted.Outcome == SyncOutcome.Succeeded, targeted.ToString());

        _aws.Set([functions[0] with { Tags = TagSet.Of(("enabled", "false")) }, functions[1]]);
        var deregistered = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(deregistered.Outcome == SyncOutcome.Succeeded, deregistered.ToString());
        var state = await ConsulState.ReadAsync(_consul);
        Assert.Equal(["billing"], state.ServiceNames);
        Assert.Equal(["billing"], state.EntryNames);
    }

    [Fact]
    public async Task NodeReadOnly_NodeAlreadyExists_SteadyStateAndDeregistrationSucceed()
    {
        List<FakeFunction> functions = [FakeFunction.Of("orders", TagSet.Enabled()), FakeFunction.Of("billing", TagSet.Enabled())];
        _aws.Set(functions);
        using (var creator = await RegistratorAsync(Management))
        {
            Assert.Equal(SyncOutcome.Succeeded, (await creator.Registrator.FullSyncAsync(dryRun: false)).Outcome);
        }

        const string nodeReadOnly = """
            service_prefix "" { policy = "write" }
            node "lambdas" { policy = "read" }
            """;
        await ConsulAcl.CreateTokenAsync(_consul.Address, Management, nodeReadOnly, RegistratorToken);
        using var rig = await RegistratorAsync(RegistratorToken);

        var writes = _consul.Stats!.Writes;
        var steady = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(steady.Outcome == SyncOutcome.Succeeded && steady.Plan!.IsEmpty, steady.ToString());
        Assert.Equal(writes, _consul.Stats.Writes);

        _aws.Set([functions[0], functions[1] with { Tags = TagSet.Of(("enabled", "false")) }]);
        var deregistered = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(deregistered.Outcome == SyncOutcome.Succeeded, deregistered.ToString());
        Assert.Equal(["orders"], (await ConsulState.ReadAsync(_consul)).ServiceNames);
    }

    public static TheoryData<string, string, bool, string> MissingRules => new()
    {
        {
            "no service write (service read only)",
            """
            service_prefix "" { policy = "read" }
            node "lambdas" { policy = "write" }
            """,
            false, "service:write"
        },
        {
            "no node write, first sync (the node does not exist yet)",
            """
            service_prefix "" { policy = "write" }
            node "lambdas" { policy = "read" }
            """,
            false, "node:write"
        },
    };

    [Theory]
    [MemberData(nameof(MissingRules))]
    public Task FullSync_PolicyMissingARule_FailsNamingThePermission(string caseName, string rules, bool nodeExists, string permission) =>
        AssertFailsNamingAsync(caseName, rules, nodeExists, permission);

    // Consul does not deny a list read without node:read: it filters the node's services out (200, Node null, header
    // X-Consul-Results-Filtered-By-ACLs: true). A registrator that ignores the header believes nothing is registered,
    // re-registers every service on every sync (never a steady state) and cannot see what it must deregister.
    [Fact]
    public Task FullSync_PolicyWithoutNodeRead_FailsNamingNodeReadInsteadOfSyncingBlind() =>
        AssertFailsNamingAsync(
            "no node rule at all, node exists (its services cannot be listed)",
            """
            service_prefix "" { policy = "write" }
            """,
            nodeExists: true,
            "node:read");

    private async Task AssertFailsNamingAsync(string caseName, string rules, bool nodeExists, string permission)
    {
        _aws.Set([FakeFunction.Of("orders", TagSet.Enabled()), FakeFunction.Of("billing", TagSet.Enabled())]);
        if (nodeExists)
        {
            // An earlier sync (with the full policy) created the node and registered both functions; now billing is untagged.
            await ConsulAcl.CreateTokenAsync(_consul.Address, Management, MinimalPolicy, RegistratorToken);
            using var earlier = await RegistratorAsync(RegistratorToken);
            Assert.Equal(SyncOutcome.Succeeded, (await earlier.Registrator.FullSyncAsync(dryRun: false)).Outcome);
            _aws.Set([FakeFunction.Of("orders", TagSet.Enabled()), FakeFunction.Of("billing", TagSet.Of((LambdaTags.Enabled[LambdaTags.Prefix.Length..], "false")))]);
        }

        var restricted = Guid.NewGuid().ToString();
        await ConsulAcl.CreateTokenAsync(_consul.Address, Management, rules, restricted);
        using var rig = await RegistratorAsync(restricted);

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Failed, $"{caseName}: {report}");
        var failures = string.Join("\n", report.Errors.Concat(report.Actions.Where(a => a.Status == ActionStatus.Failed).Select(a => a.Message)));
        Assert.Contains(permission, failures, StringComparison.Ordinal);
        Assert.DoesNotContain(restricted, failures + rig.Log, StringComparison.Ordinal);
    }
}
