using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using LambdaRegistrator.Bench.ColdStart;
using LambdaRegistrator.TestKit.Lambda;

// Usage:
//   ColdStart provided <zip> [--runs N] [--warmup N] [--event file.json] [--env NAME=VALUE]... [--functions N] [--label text]
//     Unzips the provided.al2023 package, then N times: starts `bootstrap` (under /usr/bin/time for peak RSS) against a
//     fresh Runtime API emulator and records process start -> first Runtime API request (GET /next, or the
//     /init/error post when init fails) and, with --event, -> the posted response/error for that event.
//   ColdStart dotnet10 <zip> [--runs N] [--warmup N] [--event file.json] [--env NAME=VALUE]... [--functions N] [--label text]
//     Unzips the managed package, then N times: starts a .NET host that loads the handler string's assembly, type and
//     method from the package and invokes it once; records process start -> handler returned (or threw).
//     Lambda's own managed bootstrap (RuntimeSupport) is not part of this number.
//   --functions N  the registrator's world: moto_server holding N tagged functions (started once) and, per run, a fresh
//                  Consul simulator, so every run is a first full sync that registers all N (the process gets
//                  AWS_ENDPOINT_URL, fake credentials and CONSUL_HTTP_ADDR pointing at them).
//   --warmup N     runs done first and not counted (default 1: page cache, the harness's own JIT, moto's first calls).
// Prints one Markdown table row per configuration.
if (args.Length >= 2 && args[0] == "managed-host")
{
    return await ManagedHost.RunAsync(args[1], args.Length > 2 ? args[2] : null);
}

if (args.Length < 2 || args[0] is not ("provided" or "dotnet10"))
{
    Console.Error.WriteLine("usage: ColdStart provided|dotnet10 <zip> [--runs N] [--event file.json] [--env NAME=VALUE]... [--label text]");
    return 2;
}

var kind = args[0];
var zip = Path.GetFullPath(args[1]);
var runs = 10;
var warmup = 1;
var functions = 0;
string? eventFile = null;
string label = kind;
var extraEnv = new List<(string, string)>();
for (var i = 2; i < args.Length; i += 2)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--runs": runs = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--warmup": warmup = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--functions": functions = int.Parse(value, CultureInfo.InvariantCulture); break;
        case "--event": eventFile = value; break;
        case "--label": label = value; break;
        case "--env":
            var pair = value.Split('=', 2);
            extraEnv.Add((pair[0], pair[1]));
            break;
        default: throw new ArgumentException($"unknown option {args[i]}");
    }
}

var taskRoot = Directory.CreateTempSubdirectory("coldstart-").FullName;
await using var world = functions > 0 ? await World.StartAsync(functions) : null;
try
{
    ZipFile.ExtractToDirectory(zip, taskRoot);
    var eventJson = eventFile is null ? null : await File.ReadAllTextAsync(eventFile);
    var samples = new List<Sample>();
    for (var run = 0; run < warmup + runs; run++)
    {
        await using var consul = world is null ? null : await World.FreshConsulAsync();
        var env = world is null ? extraEnv : [.. world.Environment(consul!), .. extraEnv];
        var sample = kind == "provided"
            ? await Measure.ProvidedAsync(taskRoot, eventJson, env)
            : await Measure.ManagedAsync(taskRoot, eventFile, env);
        if (run >= warmup)
        {
            samples.Add(sample);
        }
    }

    var first = samples.Select(s => s.FirstMs).ToList();
    var done = samples.Where(s => s.ResultMs is not null).Select(s => s.ResultMs!.Value).ToList();
    var rss = samples.Select(s => s.PeakRssKb / 1024.0).ToList();
    var cpu = samples.Select(s => s.CpuMs).ToList();
    var cpuFirst = samples.Where(s => s.CpuAtFirstMs is not null).Select(s => s.CpuAtFirstMs!.Value).ToList();
    var outcomes = string.Join(", ", samples.GroupBy(s => s.Outcome).Select(g => g.Count() == samples.Count ? g.Key : $"{g.Count()}× {g.Key}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {label} | {runs} | {Stats.Describe(first)} | {(done.Count > 0 ? Stats.Describe(done) : "n/a")} | {(cpuFirst.Count > 0 ? Stats.Describe(cpuFirst) : "n/a")} | {Stats.Describe(cpu)} | {Stats.Median(rss):0.0} MB ({rss.Max():0.0}) | {new FileInfo(zip).Length / 1e6:0.00} MB | {samples[0].FirstRequest} | {outcomes} |"));
    return 0;
}
finally
{
    Directory.Delete(taskRoot, recursive: true);
}

/// <summary>One run: start → first request and → posted result (ms), peak RSS (KB), CPU time (ms), what came first, what the result was.</summary>
internal sealed record Sample(double FirstMs, double? ResultMs, long PeakRssKb, double CpuMs, string FirstRequest, string Outcome)
{
    /// <summary>CPU time of the process when its first Runtime API request arrived (ms); null when not measured.</summary>
    public double? CpuAtFirstMs { get; init; }
}

internal static class Stats
{
    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    public static string Describe(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(values):0.0} ms ({values.Min():0.0}–{values.Max():0.0})");
}

internal static class Measure
{
    public static async Task<Sample> ProvidedAsync(string taskRoot, string? eventJson, List<(string Name, string Value)> extraEnv)
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        var id = eventJson is null ? null : emulator.Enqueue(eventJson);
        var rssFile = Path.GetTempFileName();
        var start = new ProcessStartInfo("/usr/bin/time", ["-f", "%M %U %S", "-o", rssFile, Path.Combine(taskRoot, "bootstrap")])
        {
            WorkingDirectory = taskRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = emulator.RuntimeApi;
        start.Environment["_HANDLER"] = "bootstrap";
        start.Environment["LAMBDA_TASK_ROOT"] = taskRoot;
        start.Environment["PATH"] = "/usr/local/bin:/usr/bin:/bin";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE";
        start.Environment["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        start.Environment["AWS_SESSION_TOKEN"] = "bench";
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "lambda-registrator";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";
        foreach (var (name, value) in extraEnv)
        {
            start.Environment[name] = value;
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        var firstNext = emulator.FirstNextRequest;
        var initError = emulator.WaitForInitErrorAsync(timeout.Token);
        var exited = process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(firstNext, initError, exited);
        if (first == exited)
        {
            throw new InvalidOperationException(
                $"{Path.Combine(taskRoot, "bootstrap")} exited with code {process.ExitCode} before its first Runtime API request; is the package complete?");
        }

        var firstAt = first == firstNext ? await firstNext : (await initError).ReceivedTimestamp;

        // The process waits on /next (or is busy with the event): its CPU time now is what init cost.
        double? cpuAtFirst = first == firstNext ? ChildUsage(process.Id).Cpu : null;
        double? resultMs = null;
        var outcome = "init error: " + (first == initError ? (await initError).ErrorTypeHeader : null);
        if (id is not null && first == firstNext)
        {
            var result = await emulator.WaitForResultAsync(id, timeout.Token);
            resultMs = Stopwatch.GetElapsedTime(started, result.ReceivedTimestamp).TotalMilliseconds;
            outcome = Describe(result);
        }

        (long Rss, double Cpu) usage = default;
        if (first == firstNext)
        {
            // A healthy runtime waits on /next for ever: read its usage, then stop it (and /usr/bin/time with it).
            usage = ChildUsage(process.Id);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(timeout.Token);
        }
        else
        {
            await process.WaitForExitAsync(timeout.Token);
            usage = TimeUsage(await File.ReadAllTextAsync(rssFile));
        }

        File.Delete(rssFile);
        return new Sample(Stopwatch.GetElapsedTime(started, firstAt).TotalMilliseconds, resultMs, usage.Rss, usage.Cpu, first == firstNext ? "GET /next" : "POST /init/error", outcome)
        {
            CpuAtFirstMs = cpuAtFirst,
        };
    }

    /// <summary>"response: registered 20" for a registrator summary, "response" for any other, "error: &lt;type&gt;" for an error.</summary>
    private static string Describe(RuntimeApiPost result)
    {
        if (result.Kind != RuntimeApiPostKind.Response)
        {
            return $"error: {result.ErrorTypeHeader}";
        }

        using var summary = JsonDocument.Parse(result.Body);
        return summary.RootElement.TryGetProperty("registered", out var registered)
            ? $"response: {summary.RootElement.GetProperty("outcome").GetString()}, registered {registered.GetInt32()}"
            : "response";
    }

    /// <summary>Peak RSS (VmHWM, KB) and on-CPU time of all threads (schedstat, ms) of the child /usr/bin/time started.</summary>
    private static (long Rss, double Cpu) ChildUsage(int timePid)
    {
        var child = File.ReadAllText($"/proc/{timePid}/task/{timePid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var line = File.ReadAllLines($"/proc/{child}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var rss = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var cpuNs = Directory.GetDirectories($"/proc/{child}/task")
            .Sum(task => long.Parse(File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ')[0], CultureInfo.InvariantCulture));
        return (rss, cpuNs / 1e6);
    }

    /// <summary>Parses "/usr/bin/time -f '%M %U %S'" output (the last line; a "Command exited" line may precede it).</summary>
    private static (long Rss, double Cpu) TimeUsage(string output)
    {
        var fields = output.Trim().Split('\n')[^1].Split(' ');
        return (long.Parse(fields[0], CultureInfo.InvariantCulture),
            (double.Parse(fields[1], CultureInfo.InvariantCulture) + double.Parse(fields[2], CultureInfo.InvariantCulture)) * 1000);
    }

    public static async Task<Sample> ManagedAsync(string taskRoot, string? eventFile, List<(string Name, string Value)> extraEnv)
    {
        var self = Assembly.GetExecutingAssembly().Location;
        var rssFile = Path.GetTempFileName();
        List<string> arguments = ["-f", "%M %U %S", "-o", rssFile, "dotnet", self, "managed-host", taskRoot];
        if (eventFile is not null)
        {
            arguments.Add(Path.GetFullPath(eventFile));
        }

        var start = new ProcessStartInfo("/usr/bin/time", arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in extraEnv)
        {
            start.Environment[name] = value;
        }

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var usage = TimeUsage(await File.ReadAllTextAsync(rssFile));
        File.Delete(rssFile);
        // The handler's own JSON log lines come first; the host prints its verdict last.
        return new Sample(elapsed, null, usage.Rss, usage.Cpu, "handler returned", (await stdout).Trim().Split('\n')[^1]);
    }
}

/// <summary>The child process of the dotnet10 measurement: loads the handler like the managed runtime and invokes it once.</summary>
internal static class ManagedHost
{
    private const string HandlerString = "LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync";

    public static async Task<int> RunAsync(string taskRoot, string? eventFile)
    {
        var parts = HandlerString.Split("::");
        var context = new PackageContext(Path.Combine(taskRoot, parts[0] + ".dll"));
        var type = context.LoadFromAssemblyName(new AssemblyName(parts[0])).GetType(parts[1], throwOnError: true)!;
        var method = type.GetMethod(parts[2], [typeof(Stream)])!;
        var input = new MemoryStream(eventFile is null ? "{}"u8.ToArray() : await File.ReadAllBytesAsync(eventFile));
        try
        {
            await using var output = await (Task<Stream>)method.Invoke(Activator.CreateInstance(type), [input])!;
            using var summary = await JsonDocument.ParseAsync(output);
            Console.WriteLine(summary.RootElement.TryGetProperty("registered", out var registered)
                ? $"response: {summary.RootElement.GetProperty("outcome").GetString()}, registered {registered.GetInt32()}"
                : "response");
        }
        catch (Exception e) when (e.GetType().Name == "InvocationFailedException")
        {
            Console.WriteLine("error: " + e.GetType().GetProperty("ErrorType")?.GetValue(e));
        }

        return 0;
    }

    private sealed class PackageContext(string main) : AssemblyLoadContext("package")
    {
        private readonly AssemblyDependencyResolver _resolver = new(main);

        protected override Assembly? Load(AssemblyName name) =>
            _resolver.ResolveAssemblyToPath(name) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
