using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary><c>sync</c>: registers what plan showed, reports each action, is idempotent, fails with exit 1 when Consul does.</summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class SyncCommandTests(SeededAws aws)
{
    [Fact]
    public async Task Sync_SeededFunctions_RegistersThemAndTheSecondSyncWritesNothing()
    {
        await using var consul = await Cli.StartConsulAsync();
        var environment = Cli.Environment(aws, consul);

        var first = await Cli.RunAsync(environment, "sync");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(["orders", "orders-live", "payments"], await ConsulState.ServicesAsync(consul));
        Assert.Equal(["orders", "orders-live", "payments"], await ConsulState.ServiceDefaultsNamesAsync(consul));
        Assert.All(PlanCommandTests.TableRows(first.Stdout), row => Assert.Equal("done", row[0]));
        Assert.Contains("3 action(s) done, 0 failed, 0 skipped", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("invalid-tags [broken]", first.Stdout, StringComparison.Ordinal);

        consul.Stats!.Reset();
        var second = await Cli.RunAsync(environment, "sync");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal(0, consul.Stats.Writes);
        Assert.Empty(PlanCommandTests.TableRows(second.Stdout));
        Assert.Contains("0 action(s) done", second.Stdout, StringComparison.Ordinal);

        var plan = await Cli.RunAsync(environment, "plan");
        Assert.Contains("nothing to do", plan.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats.Writes);
    }

    [Fact]
    public async Task Sync_AsyncPassthroughFunction_WritesItsEnvoyExtension()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "sync");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var entry = await ConsulState.ServiceDefaultsAsync(consul, SeededAws.Payments);
        var arguments = entry!.RootElement.GetProperty("EnvoyExtensions")[0].GetProperty("Arguments");
        Assert.Equal(SeededAws.Arn(SeededAws.Payments), arguments.GetProperty("arn").GetString());
        Assert.True(arguments.GetProperty("payloadPassthrough").GetBoolean());
        Assert.Equal("asynchronous", arguments.GetProperty("invocationMode").GetString());
    }

    [Fact]
    public async Task Sync_ConsulRefusesWrites_ExitsOneAndReportsEachFailure()
    {
        await using var consul = await Cli.StartConsulAsync();
        consul.Faults!.Add(new ConsulSimulator.Faults.FaultRule { PathPrefix = "/v1/config", Method = "PUT", StatusCode = 403, Body = "Permission denied" });

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "sync", "--output", "json");

        Assert.True(run.ExitCode == 1, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal("failed", document.RootElement.GetProperty("outcome").GetString());
        Assert.All(document.RootElement.GetProperty("actions").EnumerateArray(), action =>
        {
            Assert.Equal("failed", action.GetProperty("status").GetString());
            Assert.False(string.IsNullOrWhiteSpace(action.GetProperty("message").GetString()));
        });
        Assert.Empty(await ConsulState.ServicesAsync(consul));
    }

    [Fact]
    public async Task Sync_NodeNameFlag_OverridesTheEnvironment()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul, ("NODE_NAME", "from-env")), "sync", "--node-name", "from-flag");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["orders", "orders-live", "payments"], await ConsulState.ServicesAsync(consul, "from-flag"));
        Assert.Empty(await ConsulState.ServicesAsync(consul, "from-env"));
    }

    [Fact]
    public async Task Sync_ProgressEveryAction_PrintsAProgressLinePerActionOnStderr()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(host => host with { ProgressEvery = 1 }, Cli.Environment(aws, consul), "sync");

        Assert.True(run.ExitCode == 0, run.ToString());
        var progress = run.Stderr.Split('\n').Where(l => l.StartsWith("sync: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(progress, l => l.StartsWith("sync: 3/3 action(s) finished (3 done, 0 failed, 0 skipped)", StringComparison.Ordinal));
        Assert.DoesNotContain("sync: ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_LogLevelInfo_WritesJsonLinesToStderrOnly()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "sync", "--log-level", "info", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var logLines = run.Stderr.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.NotEmpty(logLines);
        foreach (var line in logLines)
        {
            using var log = JsonDocument.Parse(line);
            Assert.True(log.RootElement.TryGetProperty("level", out _), line);
        }

        using var report = JsonDocument.Parse(run.Stdout);
        Assert.Equal("succeeded", report.RootElement.GetProperty("outcome").GetString());
    }
}
