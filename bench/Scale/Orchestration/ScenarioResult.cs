using LambdaRegistrator.Bench.Scale.Stub;

namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>
/// One (size, strategy, scenario) measurement. Request counts are the largest over the repetitions (they are equal
/// unless retries happened), 429s the sum, wall time the median, RSS the child's VmHWM over all repetitions.
/// </summary>
internal sealed record ScenarioResult(
    int Size,
    string Strategy,
    string Scenario,
    IReadOnlyList<double> WallMilliseconds,
    AwsCounts Aws,
    long ConsulReads,
    long ConsulWrites,
    long PeakRssKilobytes,
    string LastSummary,
    IReadOnlyList<string> Problems)
{
    public const string FirstSync = "first sync";
    public const string SteadyState = "steady state";
    public const string Drift = "1% drift";
    public const string Event = "event, unchanged fn";
    public const string EventWithAliases = "event, unchanged fn + 2 aliases";

    public static IReadOnlyList<string> All { get; } = [FirstSync, SteadyState, Drift, Event, EventWithAliases];

    public double MedianMilliseconds
    {
        get
        {
            var sorted = WallMilliseconds.Order().ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    public long ConsulRequests => ConsulReads + ConsulWrites;
}
