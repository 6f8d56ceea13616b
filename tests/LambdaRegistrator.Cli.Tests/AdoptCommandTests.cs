using System.Text.Json;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// <c>adopt</c> and ADOPT_UNOWNED_SERVICES against the simulator, with services written exactly as the Go registrator
/// writes them (managed tag, no owner meta): for a tagged function (orders), for an alias that left the tag
/// (orders-beta), and for a function that no longer exists (retired).
/// </summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class AdoptCommandTests(SeededAws aws)
{
    [Fact]
    public async Task Sync_WithoutAdoption_KeepsTheGoServiceOfAGoneFunctionAndSaysHowToAdopt()
    {
        await using var consul = await Cli.StartConsulAsync();
        await SeedGoServicesAsync(consul);

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "sync", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("retired", await ConsulState.ServicesAsync(consul));
        Assert.Contains("ADOPT_UNOWNED_SERVICES=true", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopt_Default_ShowsWhatItWouldAdoptOrRemoveAndWritesNothing()
    {
        await using var consul = await Cli.StartConsulAsync();
        await SeedGoServicesAsync(consul);
        consul.Stats!.Reset();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "adopt");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [("deregister", "orders-beta"), ("deregister", "retired"), ("update", "orders")],
            PlanCommandTests.TableRows(run.Stdout).Select(r => (r[0], r[1])).Order().ToList());
        Assert.DoesNotContain("payments", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("adopt --yes", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats.Writes);
        Assert.Equal(["orders", "orders-beta", "retired"], await ConsulState.ServicesAsync(consul));
    }

    [Fact]
    public async Task Adopt_Yes_AdoptsTheClaimedAndRemovesTheRestThenHasNothingLeft()
    {
        await using var consul = await Cli.StartConsulAsync();
        await SeedGoServicesAsync(consul);
        var environment = Cli.Environment(aws, consul);

        var run = await Cli.RunAsync(environment, "adopt", "--yes", "--output", "json");

        Assert.True(run.ExitCode == 0, run.ToString());
        using (var document = JsonDocument.Parse(run.Stdout))
        {
            Assert.Equal("adopt", document.RootElement.GetProperty("trigger").GetString());
        }

        // Only the Go-written services were touched: payments and orders-live wait for the next sync.
        Assert.Equal(["orders"], await ConsulState.ServicesAsync(consul));
        Assert.Equal(["orders"], await ConsulState.ServiceDefaultsNamesAsync(consul));
        using (var entry = await ConsulState.ServiceDefaultsAsync(consul, "orders"))
        {
            Assert.True(entry!.RootElement.GetProperty("Meta").TryGetProperty("lambda-registrator-id", out _));
        }

        var again = await Cli.RunAsync(environment, "adopt");
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("nothing to adopt", again.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_WithAdoptUnownedServices_RemovesTheGoServiceOfAGoneFunction()
    {
        await using var consul = await Cli.StartConsulAsync();
        await SeedGoServicesAsync(consul);

        var run = await Cli.RunAsync(Cli.Environment(aws, consul, ("ADOPT_UNOWNED_SERVICES", "true")), "sync");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["orders", "orders-live", "payments"], await ConsulState.ServicesAsync(consul));
        Assert.DoesNotContain("unclaimed-legacy-service", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adopt_YesAndDryRun_IsAUsageError()
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(), "adopt", "--yes", "--dry-run");

        Assert.Equal(2, run.ExitCode);
    }

    private static async Task SeedGoServicesAsync(ConsulTarget consul)
    {
        await ConsulState.WriteAsGoRegistratorAsync(consul, "orders", SeededAws.Arn(SeededAws.Orders));
        await ConsulState.WriteAsGoRegistratorAsync(consul, "orders-beta", SeededAws.Arn(SeededAws.Orders) + ":beta");
        await ConsulState.WriteAsGoRegistratorAsync(consul, "retired", SeededAws.Arn("retired"));
    }
}
