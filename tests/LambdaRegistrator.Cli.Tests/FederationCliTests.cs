using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// <c>plan</c> and <c>sync</c> in a two-datacenter WAN federation (dc1 primary; the CLI talks to dc1's agent): the
/// simulator here, two real WAN-joined agents when LAMBDA_REGISTRATOR_CONSUL_TESTS=consul (the real-consul-federation
/// job). Its own moto_server, so the shared seeded functions do not take part.
/// </summary>
public sealed class FederationCliTests : IAsyncLifetime
{
    private MotoServer? _moto;

    private MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server is not started.");

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => LambdaTags.Prefix + t.Key, t => t.Value, StringComparer.Ordinal);

    private Dictionary<string, string?> Environment(ConsulTarget consul, params (string Name, string? Value)[] extra)
    {
        var environment = Moto.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
        environment["CONSUL_HTTP_ADDR"] = consul.AgentAddress("dc1").GetLeftPart(UriPartial.Authority);
        environment["AWS_ACCOUNT_ID"] = MotoServer.AccountId;
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    // The leak of a function tagged for a secondary that loses its enabled tag, as a new user meets it in the CLI.
    [Fact]
    public async Task Sync_FunctionInSecondaryThenEnabledTagRemoved_PlanNamesTheSecondaryAndSyncDeregistersThere()
    {
        var role = await Moto.Seed.CreateRoleAsync("registrator-cli");
        var arn = await Moto.Seed.CreateFunctionAsync("fed-fn", role, Tags(("enabled", "true"), ("datacenter", "dc2")));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { AdditionalDatacenters = ["dc2"] });
        var environment = Environment(consul);

        var register = await Cli.RunAsync(environment, "sync");

        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Equal(["fed-fn"], await ConsulState.ServicesAsync(consul, "lambdas?dc=dc2"));
        Assert.Empty(await ConsulState.ServicesAsync(consul, "lambdas?dc=dc1"));
        using (var entry = await ConsulState.ServiceDefaultsAsync(consul, "fed-fn"))
        {
            Assert.NotNull(entry);
        }

        await Moto.Seed.UntagResourceAsync(arn, [LambdaTags.Prefix + "enabled"]);
        var plan = await Cli.RunAsync(environment, "plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        var row = Assert.Single(PlanCommandTests.TableRows(plan.Stdout));
        Assert.Equal("deregister", row[0]);
        Assert.Contains(row, cell => cell.StartsWith("dc2", StringComparison.Ordinal));

        var deregister = await Cli.RunAsync(environment, "sync");

        Assert.True(deregister.ExitCode == 0, deregister.ToString());
        Assert.Empty(await ConsulState.ServicesAsync(consul, "lambdas?dc=dc2"));
        using (var entry = await ConsulState.ServiceDefaultsAsync(consul, "fed-fn"))
        {
            Assert.Null(entry);
        }
    }

    // Discovery of the primary needs agent:read; without it the CLI exits 1 and says what to do. Simulator only: a real
    // federation with ACLs needs token replication, which the test target does not set up.
    [Fact]
    public async Task Sync_FederationTokenWithoutAgentRead_ExitsOneNamingConsulPrimaryDatacenter()
    {
        const string Management = "7c2d9e4f-1a3b-4c5d-8e6f-9a0b1c2d3e4f";
        var role = await Moto.Seed.CreateRoleAsync("registrator-cli");
        await Moto.Seed.CreateFunctionAsync("fed-acl", role, Tags(("enabled", "true"), ("datacenter", "dc2")));
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            AdditionalDatacenters = ["dc2"],
            AclBootstrapToken = Management,
            SimulatorOnly = true,
        });
        var token = await AclTokens.CreateAsync(consul.Address, Management, "node_prefix \"\" { policy = \"write\" }\nservice_prefix \"\" { policy = \"write\" }");

        var failed = await Cli.RunAsync(Environment(consul, ("CONSUL_HTTP_TOKEN", token)), "sync");

        Assert.True(failed.ExitCode == 1, failed.ToString());
        Assert.Contains("CONSUL_PRIMARY_DATACENTER", failed.Stdout + failed.Stderr, StringComparison.Ordinal);
        Assert.Contains("agent_prefix", failed.Stdout + failed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(token, failed.Stdout + failed.Stderr, StringComparison.Ordinal);

        var configured = await Cli.RunAsync(Environment(consul, ("CONSUL_HTTP_TOKEN", token), ("CONSUL_PRIMARY_DATACENTER", "dc1")), "sync");

        Assert.True(configured.ExitCode == 0, configured.ToString());
    }
}
