using System.Globalization;
using LambdaRegistrator.Bench.Scale.Child;

namespace LambdaRegistrator.Bench.Scale;

/// <summary>Command-line options of the orchestrating run (see <see cref="Usage"/>).</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: LambdaRegistrator.Bench.Scale [--quick] [--sizes 100,1000,10000] [--reps 5] [--latency-ms 5]
                                             [--strategies tagging,list-functions,go-equivalent] [--no-moto]
                                             [--results bench/RESULTS.md] [--logs artifacts/bench]
          --quick        N = 100 and 1,000, one repetition (a smoke test).
          --sizes        account sizes N (default 100,1000,10000).
          --reps         repetitions per scenario; the wall time is their median (default 5). A repetition slower
                         than 20 s ends its scenario (quota-bound syncs run once).
          --latency-ms   latency added to every AWS stub and Consul simulator request (default 5).
          --no-moto      skip the N = 100 correctness cross-check against moto_server.
          --results      markdown file whose "Account scale" block is replaced (created when missing).
          --logs         directory for the engine's JSON log lines, one file per scenario.
        """;

    public IReadOnlyList<int> Sizes { get; init; } = [100, 1_000, 10_000];

    public int Repetitions { get; init; } = 5;

    public double LatencyMilliseconds { get; init; } = 5;

    public IReadOnlyList<string> Strategies { get; init; } = Child.Strategies.All;

    public bool MotoCheck { get; init; } = true;

    public bool Quick { get; init; }

    public string? ResultsPath { get; init; }

    public string LogDirectory { get; init; } = Path.Combine("artifacts", "bench");

    public double SlowScenarioMilliseconds { get; init; } = 20_000;

    /// <summary>The arguments as given, for the report's command line.</summary>
    public string CommandLine { get; init; } = string.Empty;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        // Why: --results and --logs are the script's plumbing; the report shows the command a user types.
        var shown = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is "--results" or "--logs")
            {
                i++;
                continue;
            }

            shown.Add(args[i]);
        }

        var options = new BenchOptions { CommandLine = string.Join(' ', shown) };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true, Sizes = [100, 1_000], Repetitions = 1 },
                "--sizes" => options with { Sizes = [.. Value().Split(',').Select(s => Positive(s, "--sizes"))] },
                "--reps" => options with { Repetitions = Positive(Value(), "--reps") },
                "--latency-ms" => options with { LatencyMilliseconds = double.Parse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture) },
                "--strategies" => options with { Strategies = [.. Value().Split(',').Select(Strategy)] },
                "--no-moto" => options with { MotoCheck = false },
                "--results" => options with { ResultsPath = Value() },
                "--logs" => options with { LogDirectory = Value() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}"),
            };
        }

        return options;
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} takes positive integers, got '{text}'.");

    private static string Strategy(string name) =>
        Child.Strategies.All.Contains(name) ? name : throw new ArgumentException($"--strategies: unknown strategy '{name}'; allowed: {string.Join(", ", Child.Strategies.All)}.");
}
