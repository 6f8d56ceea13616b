namespace LambdaRegistrator.Cli.Tests;

/// <summary>The command tree and usage errors: nothing here reaches AWS or Consul.</summary>
public sealed class HelpAndUsageTests
{
    public static TheoryData<string, string[], string> UsageErrors => new()
    {
        { "no command", [], "Required command was not provided" },
        { "unknown command", ["frobnicate"], "frobnicate" },
        { "unknown option", ["plan", "--colour"], "--colour" },
        { "output format outside text|json", ["plan", "--output", "xml"], "xml" },
        { "register without a function", ["register"], "Required argument missing" },
        { "register with an S3 ARN", ["register", "arn:aws:s3:::bucket"], "is not a Lambda function" },
        { "register with an invocation mode outside the tag's values", ["register", SeededAws.Arn("orders"), "--invocation-mode", "sometimes"], "--invocation-mode must be SYNCHRONOUS or ASYNCHRONOUS" },
        { "deregister with an empty function", ["deregister", ""], "is not a Lambda function" },
        { "handle-event without a file", ["handle-event"], "event" },
        { "handle-event with a missing file", ["handle-event", "/nonexistent/event.json"], "cannot read the event file \"/nonexistent/event.json\"" },
    };

    [Fact]
    public async Task Help_RootCommand_ListsEveryCommandAndExitsZero()
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(), "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var command in new[] { "plan", "sync", "handle-event", "register", "deregister" })
        {
            Assert.Contains("  " + command, run.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("plan", "--consul-addr")]
    [InlineData("sync", "--inventory-strategy")]
    [InlineData("handle-event", "--log-level")]
    [InlineData("register", "--payload-passthrough")]
    [InlineData("deregister", "--dry-run")]
    public async Task Help_Command_ListsItsOptions(string command, string option)
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(), command, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UsageErrors))]
    public async Task Run_UsageError_ExitsTwoAndSaysWhatIsWrong(string caseName, string[] args, string expected)
    {
        var run = await Cli.RunAsync(Cli.OfflineEnvironment(), args);

        Assert.True(run.ExitCode == 2, $"{caseName}: {run}");
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
