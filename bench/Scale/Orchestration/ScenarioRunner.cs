using LambdaRegistrator.Bench.Scale.Account;
using LambdaRegistrator.Bench.Scale.Child;
using LambdaRegistrator.Bench.Scale.Stub;
using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>
/// Runs every scenario for one account size: the AWS stub and the Consul simulator live here (same latency), the
/// measured strategy in a fresh child process per scenario, so its peak RSS is its own.
/// </summary>
internal sealed class ScenarioRunner(BenchOptions options, TextWriter progress)
{
    /// <summary>The engine strategies' Consul end state after the first sync, per size and strategy (for the moto cross-check).</summary>
    public Dictionary<(int Size, string Strategy), ConsulState> FirstSyncStates { get; } = [];

    public async Task<SizeResults> RunAsync(int size, CancellationToken cancellationToken)
    {
        var account = SyntheticAccount.Create(size);
        var latency = TimeSpan.FromMilliseconds(options.LatencyMilliseconds);
        await using var stub = await AwsStub.StartAsync(account, new AwsStubOptions(latency, EnforceQuotas: true), cancellationToken);
        await using var consul = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions { Latency = latency }, cancellationToken);
        var tagged = account.TaggedForConsul;
        var services = account.ExpectedServices().Count;
        progress.WriteLine($"N={size}: T={tagged} tagged, {services} services, drift of {account.Drift.Count} functions; stub {stub.Endpoint}, Consul simulator {consul.BaseAddress}");
        var results = new List<ScenarioResult>();
        foreach (var strategy in options.Strategies)
        {
            account.RestoreAll();
            account.Drift.MarkRestored();
            consul.Reset();
            var context = new Context(size, strategy, account, stub, consul);
            results.Add(await MeasureAsync(context, ScenarioResult.FirstSync, "sync", _ => consul.Reset(), verify: true, cancellationToken));
            if (strategy != Strategies.Go)
            {
                FirstSyncStates[(size, strategy)] = await ConsulState.ReadAsync(consul.BaseAddress, cancellationToken);
            }

            results.Add(await MeasureAsync(context, ScenarioResult.SteadyState, "sync", null, verify: false, cancellationToken));
            results.Add(await MeasureAsync(context, ScenarioResult.Drift, "sync", _ => account.Drift.Toggle(), verify: true, cancellationToken));
            results.Add(await MeasureAsync(context, ScenarioResult.Event, $"event {account.PlainEventTarget.Arn}", null, verify: false, cancellationToken));
            results.Add(await MeasureAsync(context, ScenarioResult.EventWithAliases, $"event {account.AliasedEventTarget.Arn}", null, verify: false, cancellationToken));
        }

        account.RestoreAll();
        return new SizeResults(size, tagged, services, account.Drift.Count, results);
    }

    private async Task<ScenarioResult> MeasureAsync(
        Context context, string scenario, string command, Action<int>? beforeEach, bool verify, CancellationToken cancellationToken)
    {
        var logPath = Path.Combine(options.LogDirectory, $"n{context.Size}-{context.Strategy}-{scenario.Replace(' ', '-').Replace(',', '-').Replace('%', 'p')}.jsonl");
        await using var child = await ChildProcess.StartAsync(context.Strategy, context.Stub.Endpoint, context.Consul.BaseAddress, logPath);
        var walls = new List<double>();
        var aws = AwsCounts.None;
        long reads = 0, writes = 0;
        var problems = new List<string>();
        var summary = string.Empty;
        for (var rep = 1; rep <= options.Repetitions; rep++)
        {
            beforeEach?.Invoke(rep);
            context.Stub.Reset();
            context.Consul.Stats.Reset();
            var measurement = await child.RunAsync(command);
            await SettleAsync(context.Consul);
            var repAws = context.Stub.Counters.Snapshot();
            var (repReads, repWrites) = (context.Consul.Stats.Reads, context.Consul.Stats.Writes);
            aws = aws.Max(repAws);
            reads = Math.Max(reads, repReads);
            writes = Math.Max(writes, repWrites);
            walls.Add(measurement.Milliseconds);
            summary = measurement.Summary;
            problems.AddRange(measurement.Notes.Select(n => $"rep {rep}: {n}"));
            if (verify)
            {
                var state = await ConsulState.ReadAsync(context.Consul.BaseAddress, cancellationToken);
                var found = state.Check(context.Account.ExpectedServices(), namesOnly: context.Strategy == Strategies.Go);
                problems.AddRange(found.Take(5).Select(p => $"rep {rep}: wrong Consul end state: {p}"));
                if (found.Count > 5)
                {
                    problems.Add($"rep {rep}: ... and {found.Count - 5} more differences");
                }
            }

            await SettleAsync(context.Consul);
            progress.WriteLine($"  {context.Strategy,-14} {scenario,-32} rep {rep}: {measurement.Milliseconds,10:F1} ms, AWS {repAws.Total} ({repAws.Throttled} × 429), Consul r/w {repReads}/{repWrites} {summary}");
            if (measurement.Milliseconds > options.SlowScenarioMilliseconds)
            {
                // Why: quota-bound syncs (list-functions and Go-equivalent at large N) take minutes; one run says enough.
                break;
            }
        }

        var rss = await child.QuitAsync();
        return new ScenarioResult(context.Size, context.Strategy, scenario, walls, aws, reads, writes, rss, summary, problems);
    }

    // Why: the simulator records a request after writing its response, so a count read right after the last response
    // can miss it and the next repetition's reset can come before it; wait until the counters stop moving.
    private static async Task SettleAsync(ConsulSimulatorServer consul)
    {
        var last = consul.Stats.Reads + consul.Stats.Writes;
        var stable = 0;
        for (var i = 0; i < 40 && stable < 2; i++)
        {
            await Task.Delay(25);
            var now = consul.Stats.Reads + consul.Stats.Writes;
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }

    private sealed record Context(int Size, string Strategy, SyntheticAccount Account, AwsStub Stub, ConsulSimulatorServer Consul);
}
