using System.Text.Json.Serialization;
using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Metrics;

/// <summary>
/// The numbers of one invocation, named as the CloudWatch metrics are (the function's metric record, the
/// <c>metrics</c> object of the summary and of the CLI's JSON output): every one is present, 0 when nothing happened.
/// </summary>
public sealed record SyncMetrics
{
    /// <summary>The metric names in record order, with their CloudWatch unit.</summary>
    public static IReadOnlyList<(string Name, string Unit)> Definitions { get; } =
    [
        ("SyncDuration", "Milliseconds"),
        ("ActionsPlanned", "Count"),
        ("ActionsSucceeded", "Count"),
        ("ActionsFailed", "Count"),
        ("ActionsSkipped", "Count"),
        ("Registered", "Count"),
        ("Updated", "Count"),
        ("Deregistered", "Count"),
        ("DriftRepaired", "Count"),
        ("Problems", "Count"),
        ("InvalidTags", "Count"),
        ("Collisions", "Count"),
        ("InventoryIncomplete", "Count"),
        ("ManagedServices", "Count"),
        ("AwsRequests", "Count"),
        ("AwsThrottles", "Count"),
        ("ConsulRequests", "Count"),
        ("ConsulRetries", "Count"),
    ];

    /// <summary>Milliseconds from the event's arrival in the engine to the report.</summary>
    [JsonPropertyName("SyncDuration")]
    public long SyncDuration { get; init; }

    /// <summary>Actions in the executed plan.</summary>
    [JsonPropertyName("ActionsPlanned")]
    public int ActionsPlanned { get; init; }

    /// <summary>Actions whose every Consul write succeeded.</summary>
    [JsonPropertyName("ActionsSucceeded")]
    public int ActionsSucceeded { get; init; }

    /// <summary>Actions that failed.</summary>
    [JsonPropertyName("ActionsFailed")]
    public int ActionsFailed { get; init; }

    /// <summary>Actions not started because the deadline was reached.</summary>
    [JsonPropertyName("ActionsSkipped")]
    public int ActionsSkipped { get; init; }

    /// <summary>Services registered (in a dry run: that would be).</summary>
    [JsonPropertyName("Registered")]
    public int Registered { get; init; }

    /// <summary>Services whose registration or config entries were rewritten (in a dry run: would be).</summary>
    [JsonPropertyName("Updated")]
    public int Updated { get; init; }

    /// <summary>Services deregistered (in a dry run: that would be).</summary>
    [JsonPropertyName("Deregistered")]
    public int Deregistered { get; init; }

    /// <summary>
    /// Of the three above, those a full sync made: Consul differed from what the functions' tags want without an
    /// event saying so (an edit in Consul, a missed or failed event). A steady non-zero value means events are lost.
    /// </summary>
    [JsonPropertyName("DriftRepaired")]
    public int DriftRepaired { get; init; }

    /// <summary>Problems reported instead of acted on, of every kind.</summary>
    [JsonPropertyName("Problems")]
    public int Problems { get; init; }

    /// <summary>Functions whose registrator tags are invalid (kinds InvalidTags and EnterpriseTagsWithoutEnterprise).</summary>
    [JsonPropertyName("InvalidTags")]
    public int InvalidTags { get; init; }

    /// <summary>Services not written because the name is taken (kinds NameCollision and DuplicateServiceName).</summary>
    [JsonPropertyName("Collisions")]
    public int Collisions { get; init; }

    /// <summary>Sources whose AWS inventory could not be read completely in this sync (nothing of theirs was deregistered).</summary>
    [JsonPropertyName("InventoryIncomplete")]
    public int InventoryIncomplete { get; init; }

    /// <summary>
    /// Services this registrator keeps in Consul after the invocation, among those it looked at: unchanged, updated,
    /// registered (done) and those whose deregistration did not happen. A full sync sees them all.
    /// </summary>
    [JsonPropertyName("ManagedServices")]
    public int ManagedServices { get; init; }

    /// <summary>HTTP requests sent to AWS, retries included.</summary>
    [JsonPropertyName("AwsRequests")]
    public long AwsRequests { get; init; }

    /// <summary>AWS answers that were throttling errors.</summary>
    [JsonPropertyName("AwsThrottles")]
    public long AwsThrottles { get; init; }

    /// <summary>HTTP requests sent to Consul, retries included.</summary>
    [JsonPropertyName("ConsulRequests")]
    public long ConsulRequests { get; init; }

    /// <summary>Consul requests that retried a failed attempt.</summary>
    [JsonPropertyName("ConsulRetries")]
    public long ConsulRetries { get; init; }

    /// <summary>The value of the metric named <paramref name="name"/> (one of <see cref="Definitions"/>).</summary>
    public double Value(string name) => name switch
    {
        "SyncDuration" => SyncDuration,
        "ActionsPlanned" => ActionsPlanned,
        "ActionsSucceeded" => ActionsSucceeded,
        "ActionsFailed" => ActionsFailed,
        "ActionsSkipped" => ActionsSkipped,
        "Registered" => Registered,
        "Updated" => Updated,
        "Deregistered" => Deregistered,
        "DriftRepaired" => DriftRepaired,
        "Problems" => Problems,
        "InvalidTags" => InvalidTags,
        "Collisions" => Collisions,
        "InventoryIncomplete" => InventoryIncomplete,
        "ManagedServices" => ManagedServices,
        "AwsRequests" => AwsRequests,
        "AwsThrottles" => AwsThrottles,
        "ConsulRequests" => ConsulRequests,
        "ConsulRetries" => ConsulRetries,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a metric of SyncMetrics.Definitions"),
    };

    /// <summary>The metrics of <paramref name="report"/>: a pure function of it.</summary>
    public static SyncMetrics Of(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var actions = report.Actions;
        int Count(PlanActionKind kind, params ActionStatus[] statuses) =>
            actions.Count(a => a.Action.Kind == kind && statuses.Contains(a.Status));
        int Problems(params PlanProblemKind[] kinds) => report.Problems.Count(p => kinds.Contains(p.Kind));

        // Written, or in a dry run planned: what the catalog changed by (or would have).
        var changed = new[] { ActionStatus.Done, ActionStatus.Planned };
        var registered = Count(PlanActionKind.Register, changed);
        var updated = Count(PlanActionKind.Update, changed);
        var deregistered = Count(PlanActionKind.Deregister, changed);
        var requests = report.Requests;
        return new SyncMetrics
        {
            SyncDuration = (long)report.Duration.TotalMilliseconds,
            ActionsPlanned = actions.Count,
            ActionsSucceeded = actions.Count(a => a.Status == ActionStatus.Done),
            ActionsFailed = actions.Count(a => a.Status == ActionStatus.Failed),
            ActionsSkipped = actions.Count(a => a.Status == ActionStatus.Skipped),
            Registered = registered,
            Updated = updated,
            Deregistered = deregistered,
            DriftRepaired = report.Trigger == SyncTrigger.FullSync ? registered + updated + deregistered : 0,
            Problems = report.Problems.Count,
            InvalidTags = Problems(PlanProblemKind.InvalidTags, PlanProblemKind.EnterpriseTagsWithoutEnterprise),
            Collisions = Problems(PlanProblemKind.NameCollision, PlanProblemKind.DuplicateServiceName),
            InventoryIncomplete = report.IncompleteSources,
            ManagedServices = (report.Plan?.UnchangedServices ?? 0)
                + Count(PlanActionKind.Update, ActionStatus.Done, ActionStatus.Planned, ActionStatus.Failed, ActionStatus.Skipped)
                + registered
                + Count(PlanActionKind.Deregister, ActionStatus.Failed, ActionStatus.Skipped),
            AwsRequests = requests.AwsRequests,
            AwsThrottles = requests.AwsThrottles,
            ConsulRequests = requests.ConsulRequests,
            ConsulRetries = requests.ConsulRetries,
        };
    }

    /// <summary>Problem counts by kind (the engine's PascalCase names), only the kinds that occurred.</summary>
    public static IReadOnlyDictionary<string, int>? ProblemsByKind(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Dictionary<string, int>? byKind = null;
        foreach (var problem in report.Problems)
        {
            byKind ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var name = problem.Kind.ToString();
            byKind[name] = byKind.GetValueOrDefault(name) + 1;
        }

        return byKind;
    }
}
