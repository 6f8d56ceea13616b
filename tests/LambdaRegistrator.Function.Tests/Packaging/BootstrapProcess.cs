using System.Diagnostics;
using System.Text.Json;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// <c>bootstrap</c> from an unzipped provided.al2023 package, started as Lambda starts it: a cleared environment holding
/// Lambda's variables (Runtime API, handler, task root, region, credentials, function name, memory size) plus the
/// function's own configuration. Disposing kills it if it is still running.
/// </summary>
internal sealed class BootstrapProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private BootstrapProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Lambda's environment for a custom runtime with the given Runtime API and task root.</summary>
    public static Dictionary<string, string> LambdaEnvironment(string runtimeApi, string taskRoot) => new(StringComparer.Ordinal)
    {
        ["AWS_LAMBDA_RUNTIME_API"] = runtimeApi,
        ["_HANDLER"] = "bootstrap",
        ["LAMBDA_TASK_ROOT"] = taskRoot,
        ["LD_LIBRARY_PATH"] = taskRoot,
        ["PATH"] = "/usr/local/bin:/usr/bin:/bin",
        ["TZ"] = ":UTC",
        ["AWS_REGION"] = MotoServer.Region,
        ["AWS_DEFAULT_REGION"] = MotoServer.Region,
        ["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey,
        ["AWS_SESSION_TOKEN"] = "fake-session-token",
        ["AWS_LAMBDA_FUNCTION_NAME"] = "lambda-registrator",
        ["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST",
        ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512",
        ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
        ["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/lambda-registrator",
        ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2025/11/22/[$LATEST]0123456789abcdef",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>
    /// Starts <c>bootstrap</c> in <paramref name="taskRoot"/> with exactly <paramref name="environment"/> (empty values
    /// are left unset); under <paramref name="emulator"/> (qemu-user for another instruction set) when given, which
    /// passes signals on to it.
    /// </summary>
    public static BootstrapProcess Start(string taskRoot, IReadOnlyDictionary<string, string> environment, string? emulator = null)
    {
        var bootstrap = Path.Combine(taskRoot, "bootstrap");
        var start = new ProcessStartInfo(emulator ?? bootstrap)
        {
            WorkingDirectory = taskRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (emulator is not null)
        {
            start.ArgumentList.Add(bootstrap);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment.Where(e => e.Value.Length > 0))
        {
            start.Environment[name] = value;
        }

        return new BootstrapProcess(Process.Start(start)!);
    }

    /// <summary>Waits for the process to exit by itself; returns its exit code, standard output and standard error.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(TestTimeout.Token());
        return (_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Sends SIGTERM, as Lambda does when it shuts a container down, and waits for the exit.</summary>
    public async Task<(int ExitCode, string Stdout, string Stderr)> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestTimeout.Token());
        }

        return await WaitForExitAsync();
    }

    /// <summary>The JSON log lines on standard output (each line must be a JSON object).</summary>
    public static IReadOnlyList<JsonElement> LogLines(string stdout) =>
        [.. stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];

    /// <summary>The messages of the log lines, one a line.</summary>
    public static string LogMessages(string stdout) =>
        string.Join('\n', LogLines(stdout).Select(line => line.GetProperty("message").GetString()));

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
