using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using LambdaRegistrator.TestKit.Lambda;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// Runs the provided.al2023 package the way Lambda does: unzip, start <c>bootstrap</c> with Lambda's environment
/// against the Runtime API emulator, look at what it posted and how it exited. These assert runtime-level behaviour
/// that holds for whatever <c>Composition.CreateInitializer()</c> composes.
/// </summary>
/// <remarks>
/// SHELL INTEGRATOR: once the engine is composed, add here a test with a valid configuration against moto_server and
/// the Consul simulator: a Scheduled Event posts a /response summary (and the simulator holds the registrations),
/// the malformed event posts an /error with the registrator's errorType.
/// </remarks>
[Collection(PackagedArtifactsGroup.Name)]
public sealed class CustomRuntimePackageTests(PackagedArtifacts artifacts)
{
    private const string ScheduledEvent =
        """{"version":"0","id":"89d1a02d-5ec7-412e-82f5-13505f849b41","detail-type":"Scheduled Event","source":"aws.events","account":"123456789012","time":"2025-11-22T12:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:123456789012:rule/lambda-registrator"],"detail":{}}""";

    private const string MalformedEvent = """{"detail-type": "Scheduled Event", "source": """;

    [Fact]
    public void ProvidedZip_Layout_HasAnExecutableBootstrapAtTheRootAndNoSymbols()
    {
        using var zip = ZipFile.OpenRead(artifacts.ProvidedZip);

        var bootstrap = Assert.Single(zip.Entries, e => e.FullName == "bootstrap");
        Assert.Equal(0b111_101_101, (bootstrap.ExternalAttributes >> 16) & 0x1FF);
        Assert.Contains(zip.Entries, e => e.FullName == "LambdaRegistrator.Function.dll");
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith(".pdb", StringComparison.Ordinal) || e.FullName.EndsWith(".dbg", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains('/', StringComparison.Ordinal));
        Assert.Single(zip.Entries.Select(e => e.LastWriteTime).Distinct());
    }

    [Fact]
    public async Task Bootstrap_InvalidHostSetting_PostsInvalidConfigurationAndExitsOne()
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();

        var (exitCode, _) = await RunBootstrapAsync(emulator, ("DEADLINE_MARGIN_MS", "soon"));

        var post = Assert.Single(emulator.Posts);
        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeApiPostKind.InitError, post.Kind);
        Assert.Equal("Runtime.InvalidConfiguration", post.ErrorTypeHeader);
        Assert.Contains("DEADLINE_MARGIN_MS is 'soon'", post.ReadError().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, emulator.NextRequests);
    }

    [Fact]
    public async Task Bootstrap_InvalidConsulAddress_PostsATypedInitErrorExitsOneAndServesNoEvent()
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        emulator.Enqueue(ScheduledEvent);
        emulator.Enqueue(MalformedEvent);

        var (exitCode, stdout) = await RunBootstrapAsync(emulator, ("CONSUL_HTTP_ADDR", "ftp://x"));

        var post = Assert.Single(emulator.Posts);
        var error = post.ReadError();
        Assert.Equal(1, exitCode);
        Assert.Equal(RuntimeApiPostKind.InitError, post.Kind);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal(post.ErrorTypeHeader, error.ErrorType);
        Assert.Matches(@"^[A-Za-z]+\.[A-Za-z.]+$", error.ErrorType);
        Assert.False(string.IsNullOrWhiteSpace(error.ErrorMessage));
        Assert.Equal(0, emulator.NextRequests);
        Assert.Contains(error.ErrorType, LogMessages(stdout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bootstrap_NoRuntimeApi_ExitsTwoAndNamesTheVariable()
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();

        var (exitCode, stdout) = await RunBootstrapAsync(emulator, ("AWS_LAMBDA_RUNTIME_API", ""));

        Assert.Equal(2, exitCode);
        Assert.Empty(emulator.Posts);
        Assert.Contains("AWS_LAMBDA_RUNTIME_API is not set", LogMessages(stdout), StringComparison.Ordinal);
    }

    /// <summary>Starts bootstrap from the unzipped package with Lambda's environment (plus overrides) and waits for it to exit.</summary>
    private async Task<(int ExitCode, string Stdout)> RunBootstrapAsync(LambdaRuntimeApiEmulator emulator, params (string Name, string Value)[] overrides)
    {
        var taskRoot = artifacts.Extract(artifacts.ProvidedZip);
        var start = new ProcessStartInfo(Path.Combine(taskRoot, "bootstrap"))
        {
            WorkingDirectory = taskRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApi,
            ["_HANDLER"] = "bootstrap",
            ["LAMBDA_TASK_ROOT"] = taskRoot,
            ["LD_LIBRARY_PATH"] = taskRoot,
            ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
            ["TZ"] = ":UTC",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_DEFAULT_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["AWS_SESSION_TOKEN"] = "fake-session-token",
            ["AWS_LAMBDA_FUNCTION_NAME"] = "lambda-registrator",
            ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        foreach (var (name, value) in environment.Where(e => e.Value.Length > 0))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync(TestTimeout.Token());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        Assert.Equal(string.Empty, await stderr);
        return (process.ExitCode, await stdout);
    }

    /// <summary>The messages of the JSON log lines on stdout (each line must be JSON).</summary>
    private static string LogMessages(string stdout) =>
        string.Join('\n', stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("message").GetString()));
}
