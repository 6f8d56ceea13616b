using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Metrics;

namespace LambdaRegistrator;

/// <summary>Everything one invocation decided and did: the plan, each action's outcome, problems, errors, and a JSON summary.</summary>
public sealed record SyncReport
{
    /// <summary>What started the work.</summary>
    public required SyncTrigger Trigger { get; init; }

    /// <summary>The function of a targeted sync or manual (de)registration, as given or resolved.</summary>
    public string? Function { get; init; }

    /// <summary>True when nothing was written (the CLI's <c>plan</c>).</summary>
    public bool DryRun { get; init; }

    /// <summary>The executed plan (after the confirmation round); null when no plan was made.</summary>
    public Plan? Plan { get; init; }

    /// <summary>One outcome per plan action, in plan order.</summary>
    public IReadOnlyList<ActionOutcome> Actions { get; init; } = [];

    /// <summary>Failures outside the actions: AWS or Consul reads, extension-data writes. Secret-free sentences.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Why an event was ignored or rejected, or why the sync stopped early; null otherwise.</summary>
    public string? Reason { get; init; }

    /// <summary>True when the deadline was reached before the plan could be made or executed.</summary>
    public bool DeadlineReached { get; init; }

    /// <summary>How long the engine took, from the event (or command) to this report.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The AWS and Consul requests this invocation sent.</summary>
    public RequestCounts Requests { get; init; } = RequestCounts.None;

    /// <summary>How many sources' AWS inventory could not be read completely (a full sync; 0 otherwise).</summary>
    public int IncompleteSources { get; init; }

    /// <summary>
    /// The source (<c>ACCOUNT/REGION</c>) this invocation was for when the registrator has several and it worked on one
    /// (an event, a manual (de)registration, <c>--source</c> naming one); null with a single source or for several.
    /// </summary>
    public string? Source { get; init; }

    /// <summary>Per source, when a full sync covered several (see <see cref="Combine"/>); empty otherwise.</summary>
    public IReadOnlyList<SourceSummary> Sources { get; init; } = [];

    /// <summary>The invocation's numbers, as the CloudWatch metrics name them.</summary>
    public SyncMetrics Metrics => SyncMetrics.Of(this);

    /// <summary>The problems the plan reported.</summary>
    public IReadOnlyList<PlanProblem> Problems => Plan?.Problems ?? [];

    /// <summary>The overall result.</summary>
    public SyncOutcome Outcome => Trigger switch
    {
        SyncTrigger.Rejected => SyncOutcome.Rejected,
        SyncTrigger.Ignored => SyncOutcome.Ignored,
        _ when Errors.Count > 0 || Actions.Any(a => a.Status == ActionStatus.Failed) => SyncOutcome.Failed,
        _ when DeadlineReached || Actions.Any(a => a.Status == ActionStatus.Skipped) => SyncOutcome.DeadlineReached,
        _ => SyncOutcome.Succeeded,
    };

    /// <summary>The compact summary for the Lambda response and logs.</summary>
    public SyncSummary Summary
    {
        get
        {
            var failures = Actions.Where(a => a.Status == ActionStatus.Failed).Select(a => a.ToString()).Concat(Errors).ToList();
            return new SyncSummary
            {
                Outcome = Outcome switch
                {
                    SyncOutcome.Succeeded => "succeeded",
                    SyncOutcome.Ignored => "ignored",
                    SyncOutcome.Rejected => "rejected",
                    SyncOutcome.Failed => "failed",
                    _ => "deadline-reached",
                },
                Trigger = Trigger.ToName(),
                Function = Function,
                DryRun = DryRun ? true : null,
                Registered = Plan?.Count(PlanActionKind.Register) ?? 0,
                Updated = Plan?.Count(PlanActionKind.Update) ?? 0,
                Deregistered = Plan?.Count(PlanActionKind.Deregister) ?? 0,
                Unchanged = Plan?.UnchangedServices ?? 0,
                Done = Actions.Count(a => a.Status == ActionStatus.Done),
                Failed = Actions.Count(a => a.Status == ActionStatus.Failed),
                Skipped = Actions.Count(a => a.Status == ActionStatus.Skipped),
                Problems = Problems.Count,
                ProblemsByKind = SyncMetrics.ProblemsByKind(this),
                Failures = failures.Count == 0 ? null : failures,
                Reason = Reason,
                Source = Source,
                Sources = Sources.Count == 0 ? null : Sources,
                DurationMs = (long)Duration.TotalMilliseconds,
                Metrics = Metrics,
            };
        }
    }

    /// <summary>
    /// One report of a full sync that ran in several sources: their actions, problems and errors together (each error
    /// naming its source), the plans merged (the sources own disjoint services, so their actions are independent), the
    /// incomplete sources counted, and a <see cref="SourceSummary"/> per source.
    /// </summary>
    /// <param name="trigger">What started the sync.</param>
    /// <param name="dryRun">True for a plan.</param>
    /// <param name="parts">Each source with its own report, in source order.</param>
    internal static SyncReport Combine(SyncTrigger trigger, bool dryRun, IReadOnlyList<(Core.Sources.Source Source, SyncReport Report)> parts)
    {
        var plans = parts.Select(p => p.Report.Plan).OfType<Plan>().ToList();
        var reasons = parts.Where(p => p.Report.Reason is not null).Select(p => $"{p.Source.Name}: {p.Report.Reason}").ToList();
        return new SyncReport
        {
            Trigger = trigger,
            DryRun = dryRun,
            Plan = plans.Count == 0 ? null : new Plan(
                [.. plans.SelectMany(p => p.Actions)], [.. plans.SelectMany(p => p.Problems)], plans.Sum(p => p.UnchangedServices), null)
            {
                MeshIdentities = [.. plans.SelectMany(p => p.MeshIdentities)],
            },
            Actions = [.. parts.SelectMany(p => p.Report.Actions)],
            Errors = [.. parts.SelectMany(p => p.Report.Errors.Select(e => Named(p.Source, e)))],
            Reason = reasons.Count == 0 ? null : string.Join(" ", reasons),
            DeadlineReached = parts.Any(p => p.Report.DeadlineReached),
            IncompleteSources = parts.Sum(p => p.Report.IncompleteSources),
            Sources = [.. parts.Select(p => SummaryOf(p.Source, p.Report))],
        };
    }

    /// <summary>The report of one source of several: its errors name it, and <see cref="Source"/> is set.</summary>
    internal SyncReport ForSourceOfSeveral(Core.Sources.Source source) =>
        this with { Source = source.Name, Errors = [.. Errors.Select(e => Named(source, e))] };

    private static string Named(Core.Sources.Source source, string error) =>
        error.StartsWith(source.Name + ": ", StringComparison.Ordinal) ? error : $"{source.Name}: {error}";

    private static SourceSummary SummaryOf(Core.Sources.Source source, SyncReport report)
    {
        var summary = report.Summary;
        return new SourceSummary
        {
            Source = source.Name,
            RegistratorId = source.RegistratorId,
            Outcome = summary.Outcome,
            InventoryIncomplete = report.IncompleteSources > 0,
            Registered = summary.Registered,
            Updated = summary.Updated,
            Deregistered = summary.Deregistered,
            Unchanged = summary.Unchanged,
            Failures = summary.Failures,
        };
    }

    /// <summary>The summary as UTF-8 JSON (source-generated), e.g. for the Lambda response.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Summary, SyncSummaryJsonContext.Default.SyncSummary);

    /// <summary>A one-line description.</summary>
    public override string ToString() => JsonSerializer.Serialize(Summary, SyncSummaryJsonContext.Default.SyncSummary);
}
