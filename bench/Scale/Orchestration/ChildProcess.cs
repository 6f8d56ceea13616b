using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>A child bench process (this executable with <c>child ...</c>) hosting one strategy; see <see cref="Child.ChildHost"/>.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private ChildProcess(Process process)
    {
        _process = process;
    }

    public static async Task<ChildProcess> StartAsync(string strategy, Uri aws, Uri consul, string logPath)
    {
        var start = SelfStartInfo();
        foreach (var argument in new[] { "child", strategy, aws.AbsoluteUri, consul.AbsoluteUri, logPath })
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start the bench child process ({start.FileName}).");
        var child = new ChildProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (child._stderr)
                {
                    child._stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(StartTimeout);
        var first = await child.ReadLineAsync(timeout.Token);
        if (first != "ready")
        {
            await child.DisposeAsync();
            throw new InvalidOperationException($"The {strategy} child did not start: '{first}'. Its stderr:\n{child.Stderr()}");
        }

        return child;
    }

    /// <summary>Sends <c>sync</c> or <c>event &lt;arn&gt;</c> and waits for its result.</summary>
    public async Task<SyncMeasurement> RunAsync(string command)
    {
        await _process.StandardInput.WriteLineAsync(command);
        await _process.StandardInput.FlushAsync();
        var notes = new List<string>();
        while (true)
        {
            var line = await ReadLineAsync(CancellationToken.None);
            if (line.StartsWith("note ", StringComparison.Ordinal))
            {
                notes.Add(line["note ".Length..]);
                continue;
            }

            if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                var rest = line["done ".Length..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                return new SyncMeasurement(double.Parse(rest[..space], CultureInfo.InvariantCulture), rest[(space + 1)..], notes);
            }

            throw new InvalidOperationException($"The child answered '{line}' to '{command}'. Its stderr:\n{Stderr()}");
        }
    }

    /// <summary>Ends the child and returns its peak resident set (VmHWM) in kB.</summary>
    public async Task<long> QuitAsync()
    {
        await _process.StandardInput.WriteLineAsync("quit");
        await _process.StandardInput.FlushAsync();
        var line = await ReadLineAsync(CancellationToken.None);
        await _process.WaitForExitAsync();
        return line.StartsWith("rss ", StringComparison.Ordinal)
            ? long.Parse(line["rss ".Length..], CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The child answered '{line}' to quit. Its stderr:\n{Stderr()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Why: `dotnet run`/`dotnet x.dll` hosts report dotnet as the process path; then the child needs the assembly path.
    private static ProcessStartInfo SelfStartInfo()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("The bench cannot find its own executable to start child processes.");
        if (Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var start = new ProcessStartInfo(path);
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LambdaRegistrator.Bench.Scale.dll"));
            return start;
        }

        return new ProcessStartInfo(path);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = await _process.StandardOutput.ReadLineAsync(cancellationToken);
        return line ?? throw new InvalidOperationException($"The bench child exited (code {(_process.HasExited ? _process.ExitCode : -1)}). Its stderr:\n{Stderr()}");
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }
}
