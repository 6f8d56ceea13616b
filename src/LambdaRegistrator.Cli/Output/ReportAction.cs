using System.Text.Json.Serialization;
using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Cli.Output;

/// <summary>One planned action in <see cref="ReportDocument"/>, with its status.</summary>
internal sealed record ReportAction : ReportSubject
{
    public ReportAction(ActionOutcome outcome)
        : base(outcome.Action.Service, outcome.Action.FunctionArn)
    {
        Action = ReportWriter.Kebab(outcome.Action.Kind.ToString());
        Reason = outcome.Action.Reason;
        Status = ReportWriter.Kebab(outcome.Status.ToString());
        Message = outcome.Message;
        SharedEntries = outcome.Action.Steps.OfType<UpdateSharedEntry>().Select(s => s.ToString()).ToList() is { Count: > 0 } shared ? shared : null;
    }

    /// <summary><c>register</c>, <c>update</c> or <c>deregister</c>.</summary>
    [JsonPropertyName("action")]
    [JsonPropertyOrder(0)]
    public string Action { get; }

    /// <summary>Why, including what drifted.</summary>
    [JsonPropertyName("reason")]
    [JsonPropertyOrder(6)]
    public string Reason { get; }

    /// <summary><c>planned</c> (dry run), <c>done</c>, <c>failed</c> or <c>skipped</c>.</summary>
    [JsonPropertyName("status")]
    [JsonPropertyOrder(7)]
    public string Status { get; }

    /// <summary>The changes to entries shared with other owners (terminating-gateway, exported-services), one sentence each; omitted when none.</summary>
    [JsonPropertyName("sharedEntries")]
    public IReadOnlyList<string>? SharedEntries { get; }

    /// <summary>For a failure, what went wrong and what to do; for a re-planned action, what changed.</summary>
    [JsonPropertyName("message")]
    [JsonPropertyOrder(8)]
    public string? Message { get; }
}
