using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary><c>--terminating-gateway</c> and <c>--create-gateway-entries</c>: the plan names the shared-entry changes, and sync makes them.</summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class GatewayCommandTests(SeededAws aws)
{
    [Fact]
    public async Task Plan_GatewayFlagsJsonOutput_EachActionCarriesItsGatewayChangeAndNothingIsWritten()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan", "--output", "json", "--terminating-gateway", "lambda-gw", "--create-gateway-entries", "true");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var document = JsonDocument.Parse(run.Stdout);
        var actions = document.RootElement.GetProperty("actions").EnumerateArray().ToList();
        Assert.Equal(3, actions.Count);
        Assert.All(actions, action =>
        {
            var change = Assert.Single(action.GetProperty("sharedEntries").EnumerateArray()).GetString();
            Assert.StartsWith($"add {action.GetProperty("service").GetString()} to terminating-gateway \"lambda-gw\" (", change, StringComparison.Ordinal);
            Assert.EndsWith(") (created if missing)", change, StringComparison.Ordinal);
            Assert.Contains("terminating-gateway \"lambda-gw\"", action.GetProperty("reason").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task Sync_GatewayFlags_CreatesTheGatewayEntryListingEveryService()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "sync", "--terminating-gateway", "lambda-gw", "--create-gateway-entries", "true");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var entry = await ConsulState.ConfigEntryAsync(consul, "terminating-gateway", "lambda-gw");
        Assert.NotNull(entry);
        var names = entry.RootElement.GetProperty("Services").EnumerateArray().Select(s => s.GetProperty("Name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["orders", "orders-live", "payments"], names);
    }

    [Fact]
    public async Task Plan_PartitionConsumerOnCommunityEdition_ConfigurationErrorExit2()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "plan", "--export-to", "partition:web");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("EXPORT_TO lists partition:web but ENTERPRISE is false", run.Stderr + run.Stdout, StringComparison.Ordinal);
    }
}
