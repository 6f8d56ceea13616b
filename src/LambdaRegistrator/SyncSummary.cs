using System.Globalization;
using System.Text.Json.Serialization;
using LambdaRegistrator.Metrics;

namespace LambdaRegistrator;

/// <summary>The compact, secret-free outcome of one invocation: the Lambda response body and the last log line (<see cref="SyncReport.ToJson"/>).</summary>
public sealed record SyncSummary
{
    /// <summary><c>succeeded</c>, <c>ignored</c>, <c>rejected</c>, <c>failed</c> or <c>deadline-reached</c>.</summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary><c>full-sync</c>, <c>targeted-sync</c>, <c>register</c>, <c>deregister</c>, <c>ignored</c> or <c>rejected</c>.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The function of a targeted sync or manual (de)registration.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; init; }

    /// <summary>True for a dry run (plan only); omitted otherwise.</summary>
    [JsonPropertyName("dryRun")]
    public bool? DryRun { get; init; }

    /// <summary>Register actions planned.</summary>
    [JsonPropertyName("registered")]
    public int Registered { get; init; }

    /// <summary>Update actions planned.</summary>
    [JsonPropertyName("updated")]
    public int Updated { get; init; }

    /// <summary>Deregister actions planned.</summary>
    [JsonPropertyName("deregistered")]
    public int Deregistered { get; init; }

    /// <summary>Desired services already in sync.</summary>
    [JsonPropertyName("unchanged")]
    public int Unchanged { get; init; }

    /// <summary>Actions written.</summary>
    [JsonPropertyName("done")]
    public int Done { get; init; }

    /// <summary>Actions that failed.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    /// <summary>Actions not started because the deadline was reached.</summary>
    [JsonPropertyName("skipped")]
    public int Skipped { get; init; }

    /// <summary>Reported problems (invalid tags, collisions, missing aliases...).</summary>
    [JsonPropertyName("problems")]
    public int Problems { get; init; }

    /// <summary>Problem counts by kind; omitted when there are none.</summary>
    [JsonPropertyName("problemsByKind")]
    public IReadOnlyDictionary<string, int>? ProblemsByKind { get; init; }

    /// <summary>One line per failed action, failed read or failed extension-data write; omitted when there are none.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<string>? Failures { get; init; }

    /// <summary>The one source of several this invocation was for (<c>ACCOUNT/REGION</c>); omitted with a single source or a sync of several.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Per source, when a full sync covered several; omitted otherwise.</summary>
    [JsonPropertyName("sources")]
    public IReadOnlyList<SourceSummary>? Sources { get; init; }

    /// <summary>Why an event was ignored or rejected, or why the sync stopped early.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Milliseconds the engine took.</summary>
    [JsonPropertyName("durationMs")]
    public long DurationMs { get; init; }

    /// <summary>The invocation's numbers under their CloudWatch metric names (the function's metric record carries the same).</summary>
    [JsonPropertyName("metrics")]
    public SyncMetrics? Metrics { get; init; }

    /// <summary>One line for a log message: <c>full-sync succeeded: 2 done, 0 failed, 0 skipped, 1 problem(s) in 120 ms</c>.</summary>
    public override string ToString() =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Trigger}{(Function is null ? string.Empty : " " + Function)} {Outcome}: {Done} done, {Failed} failed, {Skipped} skipped, {Problems} problem(s) in {DurationMs} ms")
        + (Reason is null ? string.Empty : $" ({Reason})");
}
