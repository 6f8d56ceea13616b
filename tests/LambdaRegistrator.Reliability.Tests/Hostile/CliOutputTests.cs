using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Reliability.Tests.Infrastructure;

namespace LambdaRegistrator.Reliability.Tests.Hostile;

/// <summary>
/// Values from AWS reach a person through the CLI's human output: a tag value carrying CR/LF must not be able to forge
/// lines of that output (a fake "Errors" section, a fake success line). JSON output and JSON logs escape by construction.
/// </summary>
public sealed class CliOutputTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private const string Forged = "FORGED: 0 problem(s), 0 error(s)";

    [Theory]
    [InlineData("plan")]
    [InlineData("sync")]
    public async Task Cli_TagValueWithLineBreaks_CannotForgeOutputLines(string command)
    {
        fixture.Reset(
        [
            FakeFunction.Of("victim", new Dictionary<string, string> { [LambdaTags.Enabled] = "true", [LambdaTags.Aliases] = "live\r\n" + Forged + "\n" }),
            FakeFunction.Of("bystander", TagSet.Enabled()),
        ]);
        var environment = Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul);

        var run = await CliProcess.RunAsync(environment, command);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("victim", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain((run.Stdout + run.Stderr).Split('\n'), line => line.TrimStart().StartsWith("FORGED", StringComparison.Ordinal));
    }
}
