using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary><c>register</c> / <c>deregister</c>: Consul's manual registration of one function from flags, and its undo.</summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class RegisterCommandTests(SeededAws aws)
{
    [Fact]
    public async Task RegisterThenDeregister_UntaggedFunctionWithAlias_RoundTrips()
    {
        await using var consul = await Cli.StartConsulAsync();
        var environment = Cli.Environment(aws, consul);
        var arn = SeededAws.Arn(SeededAws.Reports);

        var register = await Cli.RunAsync(
            environment, "register", arn, "--payload-passthrough", "--invocation-mode", "asynchronous", "--aliases", "prod");

        Assert.True(register.ExitCode == 0, register.ToString());
        Assert.Equal(["reports", "reports-prod"], await ConsulState.ServicesAsync(consul));
        using (var entry = await ConsulState.ServiceDefaultsAsync(consul, "reports-prod"))
        {
            var arguments = entry!.RootElement.GetProperty("EnvoyExtensions")[0].GetProperty("Arguments");
            Assert.Equal(arn + ":prod", arguments.GetProperty("arn").GetString());
            Assert.True(arguments.GetProperty("payloadPassthrough").GetBoolean());
            Assert.Equal("asynchronous", arguments.GetProperty("invocationMode").GetString());
        }

        consul.Stats!.Reset();
        var again = await Cli.RunAsync(environment, "register", arn, "--payload-passthrough", "--invocation-mode", "ASYNCHRONOUS", "--aliases", "prod");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to do", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats.Writes);

        var deregister = await Cli.RunAsync(environment, "deregister", arn);

        Assert.True(deregister.ExitCode == 0, deregister.ToString());
        Assert.Equal(
            [("deregister", "reports"), ("deregister", "reports-prod")],
            PlanCommandTests.TableRows(deregister.Stdout).Select(r => (r[1], r[2])).Order().ToList());
        Assert.Empty(await ConsulState.ServicesAsync(consul));
        Assert.Null(await ConsulState.ServiceDefaultsAsync(consul, "reports"));
        Assert.Null(await ConsulState.ServiceDefaultsAsync(consul, "reports-prod"));
    }

    [Fact]
    public async Task Register_DryRun_PrintsThePlanAndWritesNothing()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "register", SeededAws.Arn(SeededAws.Reports), "--dry-run", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal("register", document.RootElement.GetProperty("trigger").GetString());
        Assert.True(document.RootElement.GetProperty("dryRun").GetBoolean());
        var action = Assert.Single(document.RootElement.GetProperty("actions").EnumerateArray());
        Assert.Equal("reports", action.GetProperty("service").GetString());
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task Register_AliasMissingInAws_ReportsItAndRegistersTheRest()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "register", SeededAws.Arn(SeededAws.Reports), "--aliases", "prod+canary");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("missing-alias", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("canary", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(["reports", "reports-prod"], await ConsulState.ServicesAsync(consul));
    }

    [Fact]
    public async Task Deregister_DryRunAfterSync_ListsTheServicesAndKeepsThem()
    {
        await using var consul = await Cli.StartConsulAsync();
        var environment = Cli.Environment(aws, consul);
        Assert.Equal(0, (await Cli.RunAsync(environment, "sync")).ExitCode);
        consul.Stats!.Reset();

        var run = await Cli.RunAsync(environment, "deregister", SeededAws.Arn(SeededAws.Orders), "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [("deregister", "orders"), ("deregister", "orders-live")],
            PlanCommandTests.TableRows(run.Stdout).Select(r => (r[0], r[1])).Order().ToList());
        Assert.All(PlanCommandTests.TableRows(run.Stdout), row =>
        {
            // The function exists in AWS: the reason is the request, not a claim that the function is gone.
            Assert.Contains("asked for by hand", row[^1], StringComparison.Ordinal);
            Assert.DoesNotContain("no longer exists", row[^1], StringComparison.Ordinal);
        });
        Assert.Equal(0, consul.Stats.Writes);
        Assert.Equal(["orders", "orders-live", "payments"], await ConsulState.ServicesAsync(consul));
    }
}
