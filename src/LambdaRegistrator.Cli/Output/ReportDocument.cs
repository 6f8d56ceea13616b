using System.Text.Json.Serialization;

namespace LambdaRegistrator.Cli.Output;

/// <summary>
/// The JSON printed by <c>plan|sync|register|deregister --output json</c>. Field names are a stable contract
/// (docs/cli.md); new fields may be added, none renamed. Nulls are omitted; lists are always present.
/// </summary>
internal sealed record ReportDocument
{
    /// <summary><c>succeeded</c>, <c>failed</c>, <c>rejected</c> or <c>deadline-reached</c> (see <see cref="SyncSummary.Outcome"/>).</summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary><c>full-sync</c>, <c>targeted-sync</c>, <c>register</c>, <c>deregister</c> or <c>rejected</c>.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The function of a targeted sync or manual (de)registration.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; init; }

    /// <summary>True when nothing was written (<c>plan</c>, <c>--dry-run</c>).</summary>
    [JsonPropertyName("dryRun")]
    public required bool DryRun { get; init; }

    /// <summary>Every planned action with its status, in plan order.</summary>
    [JsonPropertyName("actions")]
    public required IReadOnlyList<ReportAction> Actions { get; init; }

    /// <summary>Everything reported instead of acted on (invalid tags, collisions, missing aliases...).</summary>
    [JsonPropertyName("problems")]
    public required IReadOnlyList<ReportProblem> Problems { get; init; }

    /// <summary>Failed AWS or Consul reads and extension-data writes, one sentence each.</summary>
    [JsonPropertyName("errors")]
    public required IReadOnlyList<string> Errors { get; init; }

    /// <summary>Desired services already exactly as wanted.</summary>
    [JsonPropertyName("unchanged")]
    public required int Unchanged { get; init; }

    /// <summary>Why the input was rejected or the run stopped early.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>The same compact summary the Lambda function returns.</summary>
    [JsonPropertyName("summary")]
    public required SyncSummary Summary { get; init; }
}
