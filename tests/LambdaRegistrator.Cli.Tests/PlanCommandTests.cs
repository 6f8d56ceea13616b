using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary><c>plan</c> against the seeded moto_server and the Consul simulator: the rows and problems, and not one write.</summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class PlanCommandTests(SeededAws aws)
{
    [Fact]
    public async Task Plan_SeededFunctions_PrintsRegisterRowsAndProblemsAndWritesNothing()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan");

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = TableRows(run.Stdout);
        Assert.Equal(
            [("register", "orders"), ("register", "orders-live"), ("register", "payments")],
            rows.Select(r => (r[0], r[1])).Order().ToList());
        Assert.All(rows, row => Assert.Equal("dc1", row[2])); // the only datacenter Consul lists is the agent's
        Assert.Contains("invalid-tags [broken]", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededAws.LegacyBatch, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(SeededAws.Reports, run.Stdout, StringComparison.Ordinal);
        Assert.Contains("3 to register, 0 to update, 0 to deregister", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats!.Writes);
        Assert.Empty(await ConsulState.ServicesAsync(consul));
    }

    [Fact]
    public async Task Plan_JsonOutput_ParsesWithTheDocumentedFields()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        var root = document.RootElement;
        Assert.Equal("succeeded", root.GetProperty("outcome").GetString());
        Assert.Equal("full-sync", root.GetProperty("trigger").GetString());
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        var payments = Assert.Single(root.GetProperty("actions").EnumerateArray(), a => a.GetProperty("service").GetString() == SeededAws.Payments);
        Assert.Equal("register", payments.GetProperty("action").GetString());
        Assert.Equal("planned", payments.GetProperty("status").GetString());
        Assert.Equal("dc1", payments.GetProperty("datacenter").GetString());
        Assert.Equal(SeededAws.Arn(SeededAws.Payments), payments.GetProperty("function").GetString());
        Assert.False(string.IsNullOrWhiteSpace(payments.GetProperty("reason").GetString()));
        Assert.False(payments.TryGetProperty("partition", out _));
        var problem = Assert.Single(root.GetProperty("problems").EnumerateArray(), p => p.GetProperty("kind").GetString() == "invalid-tags");
        Assert.Equal(SeededAws.Arn(SeededAws.Broken), problem.GetProperty("function").GetString());
        Assert.Empty(root.GetProperty("errors").EnumerateArray());
        Assert.Equal(3, root.GetProperty("summary").GetProperty("registered").GetInt32());
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task Plan_OneFunction_PlansOnlyItsServices()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan", "--function", SeededAws.Orders);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["orders", "orders-live"], TableRows(run.Stdout).Select(r => r[1]).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task Plan_DatacenterFlag_PlansIntoThatDatacenter()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan", "--datacenter", consul.Datacenter);

        Assert.True(run.ExitCode == 0, run.ToString());
        var rows = TableRows(run.Stdout);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(consul.Datacenter, row[2]));
        Assert.Equal(0, consul.Stats!.Writes);
    }

    /// <summary>The table's data rows (split on runs of two or more spaces), between the header and the first blank line.</summary>
    internal static List<string[]> TableRows(string stdout)
    {
        var lines = stdout.Split('\n');
        var header = Array.FindIndex(lines, l => l.StartsWith("ACTION", StringComparison.Ordinal) || l.StartsWith("STATUS", StringComparison.Ordinal));
        if (header < 0)
        {
            return [];
        }

        return [.. lines.Skip(header + 1)
            .TakeWhile(l => l.Trim().Length > 0)
            .Where(l => !l.TrimStart().StartsWith("->", StringComparison.Ordinal))
            .Select(l => System.Text.RegularExpressions.Regex.Split(l.TrimEnd('\r'), " {2,}"))];
    }
}
