using System.Text.Json.Serialization;
using LambdaRegistrator.Core.Triggers;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The compact outcome of one invocation, serialised as the Lambda response and logged (<see cref="LambdaResponseJsonContext"/>).</summary>
public sealed record PlanSummary
{
    /// <summary><c>full-sync</c>, <c>targeted-sync</c>, <c>ignored</c> or <c>rejected</c>.</summary>
    [JsonPropertyName("trigger")]
    public required string Trigger { get; init; }

    /// <summary>The function of a targeted sync.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; init; }

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

    /// <summary>Reported problems.</summary>
    [JsonPropertyName("problems")]
    public int Problems { get; init; }

    /// <summary>Problem counts by kind (omitted when there are none).</summary>
    [JsonPropertyName("problemsByKind")]
    public IReadOnlyDictionary<string, int>? ProblemsByKind { get; init; }

    /// <summary>Actions that failed when executed.</summary>
    [JsonPropertyName("failed")]
    public int Failed { get; init; }

    /// <summary>One line per failed action (no secrets).</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<string>? Failures { get; init; }

    /// <summary>Why an event was ignored or rejected.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    /// <summary>Summarises a plan before execution; add failures with <see cref="WithFailures"/>.</summary>
    public static PlanSummary ForPlan(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Dictionary<string, int>? byKind = null;
        foreach (var problem in plan.Problems)
        {
            byKind ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var name = problem.Kind.ToString();
            byKind[name] = byKind.GetValueOrDefault(name) + 1;
        }

        return new PlanSummary
        {
            Trigger = plan.Target is null ? "full-sync" : "targeted-sync",
            Function = plan.Target?.ToString(),
            Registered = plan.Count(PlanActionKind.Register),
            Updated = plan.Count(PlanActionKind.Update),
            Deregistered = plan.Count(PlanActionKind.Deregister),
            Unchanged = plan.UnchangedServices,
            Problems = plan.Problems.Count,
            ProblemsByKind = byKind,
        };
    }

    /// <summary>Summary of an event that needed no work.</summary>
    public static PlanSummary ForIgnored(IgnoredEvent ignored)
    {
        ArgumentNullException.ThrowIfNull(ignored);
        return new PlanSummary { Trigger = "ignored", Reason = ignored.Reason };
    }

    /// <summary>Summary of malformed input.</summary>
    public static PlanSummary ForRejected(RejectedEvent rejected)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        return new PlanSummary { Trigger = "rejected", Reason = rejected.Message };
    }

    /// <summary>This summary with execution failures recorded.</summary>
    public PlanSummary WithFailures(IReadOnlyList<string> failures)
    {
        ArgumentNullException.ThrowIfNull(failures);
        return this with { Failed = failures.Count, Failures = failures.Count == 0 ? null : failures };
    }
}
