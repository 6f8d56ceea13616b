using System.Diagnostics;
using System.Text;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>
/// The built CLI (<c>cli/lambda-registrator.dll</c>, copied beside the tests by the project file) as a real child process,
/// with only the variables a test gives it (no AWS_ or CONSUL_ variable of the developer's shell leaks in).
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly TaskCompletionSource _outClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private CliProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The CLI with its own dependencies, copied to cli/ by the project file.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "cli", "lambda-registrator.dll");

    public bool HasExited => _process.HasExited;

    public int Id => _process.Id;

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        Assert.True(File.Exists(Dll), $"{Dll} was not built next to the tests.");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys
                     .Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k.StartsWith("CONSUL_", StringComparison.Ordinal)
                                 || k is "TMPDIR" or "LOG_LEVEL" or "REGISTRATOR_ID" or "NODE_NAME")
                     .ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => Append(cli._stdout, cli._outClosed, e.Data);
        process.ErrorDataReceived += (_, e) => Append(cli._stderr, cli._errClosed, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs the CLI to completion (a hung CLI is killed after <paramref name="guard"/>, failing the test).</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var cli = Start(environment, args);
        return await cli.WaitAsync(TimeSpan.FromMinutes(2));
    }

    public async Task<CliResult> WaitAsync(TimeSpan guard)
    {
        using var timeout = new CancellationTokenSource(guard);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"lambda-registrator did not exit within {guard}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
        }

        await Task.WhenAll(_outClosed.Task, _errClosed.Task).WaitAsync(TimeSpan.FromSeconds(10));
        return new CliResult(_process.ExitCode, Stdout, Stderr);
    }

    /// <summary>SIGKILL: the process gets no chance to clean up or report, like a Lambda container killed at its timeout.</summary>
    public async Task KillHardAsync()
    {
        try
        {
            _process.Kill(entireProcessTree: false);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own first.
        }

        await _process.WaitForExitAsync();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder buffer, TaskCompletionSource closed, string? line)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (buffer)
        {
            buffer.AppendLine(line);
        }
    }
}
