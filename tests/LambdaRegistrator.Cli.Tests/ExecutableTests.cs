using System.Diagnostics;
using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>The built <c>lambda-registrator.dll</c> as a real process: the executable, its Program and its exit codes work end to end.</summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class ExecutableTests(SeededAws aws)
{
    [Fact]
    public async Task Executable_PlanAgainstMotoAndConsul_PrintsJsonAndExitsZero()
    {
        await using var consul = await Cli.StartConsulAsync();

        var (exitCode, stdout, stderr) = await RunProcessAsync(Cli.Environment(aws, consul), "plan", "--output", "json");

        Assert.True(exitCode == 0, $"exit {exitCode}\n{stdout}\n{stderr}");
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal(3, document.RootElement.GetProperty("actions").GetArrayLength());
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task Executable_InvalidConsulAddress_ExitsTwoNamingTheVariable()
    {
        var (exitCode, stdout, stderr) = await RunProcessAsync(Cli.OfflineEnvironment(("CONSUL_HTTP_ADDR", "not a url")), "plan");

        Assert.True(exitCode == 2, $"exit {exitCode}\n{stdout}\n{stderr}");
        Assert.Contains("CONSUL_HTTP_ADDR", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        // Why: the copy next to the tests cannot start: the test output resolves Microsoft.Extensions.Logging.Abstractions
        // from the ASP.NET Core framework (TestKit hosts the simulator), which the CLI's runtimeconfig does not name.
        // Run the CLI's own build output, built as a dependency of this project with the same configuration.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repository = testOutput.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(repository, "src", "LambdaRegistrator.Cli", "bin", configuration, framework, "lambda-registrator.dll");
        Assert.True(File.Exists(dll), $"{dll} was not built; build tests/LambdaRegistrator.Cli.Tests first.");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Why: the child sees the test's variables only, not whatever AWS or Consul settings the developer's shell has.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("CONSUL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
