using System.Diagnostics;
using System.Runtime.InteropServices;
using LambdaRegistrator.Bench.Scale;
using LambdaRegistrator.Bench.Scale.Child;
using LambdaRegistrator.Bench.Scale.Orchestration;
using LambdaRegistrator.Bench.Scale.Report;

// The account-scale benchmark. `child <strategy> <aws> <consul> <log>` is the measured process the orchestrator
// starts per scenario; any other arguments run the orchestrator (see BenchOptions.Usage).
if (args is ["child", var strategy, var aws, var consul, var log])
{
    return await ChildHost.RunAsync(strategy, new Uri(aws), new Uri(consul), log);
}

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    return 2;
}

Directory.CreateDirectory(options.LogDirectory);
var started = DateTimeOffset.UtcNow;
var watch = Stopwatch.StartNew();
var loadBefore = LoadAverage();
var progress = Console.Out;
progress.WriteLine($"bench: sizes {string.Join(", ", options.Sizes)}; strategies {string.Join(", ", options.Strategies)}; {options.Repetitions} rep(s); {options.LatencyMilliseconds} ms latency; load {loadBefore}");
var runner = new ScenarioRunner(options, progress);
var sizes = new List<SizeResults>();
foreach (var size in options.Sizes)
{
    sizes.Add(await runner.RunAsync(size, CancellationToken.None));
}

IReadOnlyList<string> motoLines = [];
var motoFailed = false;
if (options.MotoCheck)
{
    (motoLines, motoFailed) = await MotoCrossCheck.RunAsync(runner.FirstSyncStates, options.Strategies, progress, CancellationToken.None);
}

var run = new RunInfo(options, started, watch.Elapsed, loadBefore, LoadAverage(), Environment.ProcessorCount, RuntimeInformation.FrameworkDescription);
var block = MarkdownReport.Render(run, sizes, motoLines);
if (options.ResultsPath is { } results)
{
    MarkdownReport.Splice(results, block);
    progress.WriteLine($"bench: wrote the Account scale block of {results}");
}

progress.WriteLine();
progress.WriteLine(block);
var wrongEngineState = sizes.SelectMany(s => s.Results).Any(r => r.Strategy != Strategies.Go && r.Problems.Any(p => p.Contains("wrong Consul end state", StringComparison.Ordinal)));
if (wrongEngineState || motoFailed)
{
    Console.Error.WriteLine("bench: the engine left a wrong Consul end state (see the notes under the tables).");
    return 1;
}

return 0;

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
