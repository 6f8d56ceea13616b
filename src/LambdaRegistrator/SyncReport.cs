using System.Text.Json;
using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator;

/// <summary>Everything one invocation decided and did: the plan, each action's outcome, problems, errors, and a JSON summary.</summary>
public sealed record SyncReport
{
    /// <summary>Trigger name of a full sync.</summary>
    public const string FullSyncTrigger = "full-sync";

    /// <summary>Trigger name of a targeted sync of one function.</summary>
    public const string TargetedSyncTrigger = "targeted-sync";

    /// <summary>Trigger name of a manual registration.</summary>
    public const string RegisterTrigger = "register";

    /// <summary>Trigger name of a manual deregistration.</summary>
    public const string DeregisterTrigger = "deregister";

    /// <summary>Trigger name of a one-shot adoption of Go-written services (the CLI's <c>adopt</c>).</summary>
    public const string AdoptTrigger = "adopt";

    /// <summary>Trigger name of an ignored event.</summary>
    public const string IgnoredTrigger = "ignored";

    /// <summary>Trigger name of a rejected event.</summary>
    public const string RejectedTrigger = "rejected";

    /// <summary>One of the trigger names above.</summary>
    public required string Trigger { get; init; }

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

    /// <summary>The problems the plan reported.</summary>
    public IReadOnlyList<PlanProblem> Problems => Plan?.Problems ?? [];

    /// <summary>The overall result.</summary>
    public SyncOutcome Outcome => Trigger switch
    {
        RejectedTrigger => SyncOutcome.Rejected,
        IgnoredTrigger => SyncOutcome.Ignored,
        _ when Errors.Count > 0 || Actions.Any(a => a.Status == ActionStatus.Failed) => SyncOutcome.Failed,
        _ when DeadlineReached || Actions.Any(a => a.Status == ActionStatus.Skipped) => SyncOutcome.DeadlineReached,
        _ => SyncOutcome.Succeeded,
    };

    /// <summary>The compact summary for the Lambda response and logs.</summary>
    public SyncSummary Summary
    {
        get
        {
            Dictionary<string, int>? byKind = null;
            foreach (var problem in Problems)
            {
                byKind ??= new Dictionary<string, int>(StringComparer.Ordinal);
                var name = problem.Kind.ToString();
                byKind[name] = byKind.GetValueOrDefault(name) + 1;
            }

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
                Trigger = Trigger,
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
                ProblemsByKind = byKind,
                Failures = failures.Count == 0 ? null : failures,
                Reason = Reason,
            };
        }
    }

    /// <summary>The summary as UTF-8 JSON (source-generated), e.g. for the Lambda response.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(Summary, SyncSummaryJsonContext.Default.SyncSummary);

    /// <summary>A one-line description.</summary>
    public override string ToString() => JsonSerializer.Serialize(Summary, SyncSummaryJsonContext.Default.SyncSummary);
}
