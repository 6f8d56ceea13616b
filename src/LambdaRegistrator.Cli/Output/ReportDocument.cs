using System.Text.Json.Serialization;

namespace LambdaRegistrator.Cli.Output;

/// <summary>
/// The JSON printed by <c>plan|sync|register|deregister --output json</c>. Field names are a stable contract
/// (docs/cli.md); new fields may be added, none renamed. Nulls are omitted; lists are always present. The top-level
/// outcome, trigger, function, dryRun, unchanged and reason are read from <see cref="Summary"/>, never set twice.
/// </summary>
internal sealed record ReportDocument
{
    /// <summary><c>succeeded</c>, <c>failed</c>, <c>rejected</c> or <c>deadline-reached</c> (see <see cref="SyncSummary.Outcome"/>).</summary>
    [JsonPropertyName("outcome")]
    [JsonPropertyOrder(0)]
    public string Outcome => Summary.Outcome;

    /// <summary><c>full-sync</c>, <c>targeted-sync</c>, <c>register</c>, <c>deregister</c> or <c>rejected</c>.</summary>
    [JsonPropertyName("trigger")]
    [JsonPropertyOrder(1)]
    public string Trigger => Summary.Trigger;

    /// <summary>The function of a targeted sync or manual (de)registration.</summary>
    [JsonPropertyName("function")]
    [JsonPropertyOrder(2)]
    public string? Function => Summary.Function;

    /// <summary>True when nothing was written (<c>plan</c>, <c>--dry-run</c>); always present, unlike in the summary.</summary>
    [JsonPropertyName("dryRun")]
    [JsonPropertyOrder(3)]
    public bool DryRun => Summary.DryRun == true;

    /// <summary>Every planned action with its status, in plan order.</summary>
    [JsonPropertyName("actions")]
    [JsonPropertyOrder(4)]
    public required IReadOnlyList<ReportAction> Actions { get; init; }

    /// <summary>Everything reported instead of acted on (invalid tags, collisions, missing aliases...).</summary>
    [JsonPropertyName("problems")]
    [JsonPropertyOrder(5)]
    public required IReadOnlyList<ReportProblem> Problems { get; init; }

    /// <summary>Failed AWS or Consul reads and extension-data writes, one sentence each.</summary>
    [JsonPropertyName("errors")]
    [JsonPropertyOrder(6)]
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>Desired services already exactly as wanted.</summary>
    [JsonPropertyName("unchanged")]
    [JsonPropertyOrder(7)]
    public int Unchanged => Summary.Unchanged;

    /// <summary>Why the input was rejected or the run stopped early.</summary>
    [JsonPropertyName("reason")]
    [JsonPropertyOrder(8)]
    public string? Reason => Summary.Reason;

    /// <summary>The same compact summary the Lambda function returns.</summary>
    [JsonPropertyName("summary")]
    [JsonPropertyOrder(9)]
    public required SyncSummary Summary { get; init; }
}
