namespace LambdaRegistrator.Cli.Tests;

/// <summary>Invalid configuration exits 2 naming every variable (and the flag that set it), with no stack trace and no I/O.</summary>
public sealed class ConfigurationErrorTests
{
    public static TheoryData<string, (string, string?)[], string[], string[]> Cases => new()
    {
        { "CONSUL_HTTP_ADDR is not an address", [("CONSUL_HTTP_ADDR", "not a url")], ["plan"], ["CONSUL_HTTP_ADDR"] },
        { "--consul-addr overrides a good CONSUL_HTTP_ADDR", [], ["sync", "--consul-addr", "ftp://consul:8500"], ["CONSUL_HTTP_ADDR", "--consul-addr"] },
        { "PAGE_SIZE above 50", [("PAGE_SIZE", "500")], ["plan"], ["PAGE_SIZE"] },
        { "--log-level outside the levels", [], ["plan", "--log-level", "loud"], ["LOG_LEVEL", "--log-level"] },
        { "--inventory-strategy outside the strategies", [], ["plan", "--inventory-strategy", "guess"], ["INVENTORY_STRATEGY", "--inventory-strategy"] },
        { "no region", [("AWS_REGION", null)], ["plan"], ["AWS_REGION"] },
        { "every problem at once", [("PAGE_SIZE", "0"), ("MAX_CONCURRENCY", "lots")], ["plan", "--consul-addr", "ftp://consul"], ["PAGE_SIZE", "MAX_CONCURRENCY", "CONSUL_HTTP_ADDR"] },
        { "handle-event checks the configuration too", [("DEADLINE_MARGIN_MS", "-5")], ["handle-event", "events/scheduled-event.json"], ["DEADLINE_MARGIN_MS"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Run_InvalidConfiguration_ExitsTwoNamingEveryVariable(string caseName, (string, string?)[] environment, string[] args, string[] named)
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(environment), args);

        Assert.True(run.ExitCode == 2, $"{caseName}: {run}");
        Assert.Contains("the configuration is invalid", run.Stderr, StringComparison.Ordinal);
        foreach (var name in named)
        {
            Assert.Contains(name, run.Stderr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Stdout);
    }

    [Fact]
    public async Task Run_InvalidConfiguration_NeverPrintsTheToken()
    {
        const string token = "5f8b2d7e-secret-token-value";
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(("CONSUL_HTTP_TOKEN", token), ("CONSUL_HTTP_ADDR", "not a url")), "plan", "--log-level", "trace");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(token, run.Stderr + run.Stdout, StringComparison.Ordinal);
    }
}
