using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The working state of one <see cref="Planner.CreatePlan"/> call: inputs, what the functions want, and what is planned so far.</summary>
internal sealed class PlanContext(DesiredState desired, ObservedIndex observed, PlanningOptions options)
{
    public DesiredState Desired { get; } = desired;

    public ObservedIndex Observed { get; } = observed;

    public PlanningOptions Options { get; } = options;

    /// <summary>This source's owner id.</summary>
    public string RegistratorId => Options.Source.RegistratorId;

    /// <summary>Every function of the inventory (in this source), by unqualified ARN.</summary>
    public Dictionary<LambdaArn, FunctionEvaluation> Functions { get; } = [];

    /// <summary>Every wanted service by key (the first function that wants a name; see <see cref="Duplicates"/>).</summary>
    public Dictionary<ServiceKey, DesiredService> Wanted { get; } = [];

    /// <summary>Names wanted by more than one function or alias: none of them is written.</summary>
    public Dictionary<ServiceKey, List<DesiredService>> Duplicates { get; } = [];

    public List<PlanAction> Actions { get; } = [];

    public List<PlanProblem> Problems { get; } = [];

    public int Unchanged { get; set; }

    /// <summary>Shared entries already reported as missing or unreadable in this plan (reported once, not per service).</summary>
    public HashSet<ConfigEntryKey> ReportedSharedEntries { get; } = [];

    public void Problem(PlanProblemKind kind, LambdaArn? function, ServiceKey? key, string message) =>
        Problems.Add(new PlanProblem(kind, function, key, message));

    /// <summary>True when <paramref name="previousOwner"/> provably no longer claims its names in this sync (so they may be taken over).</summary>
    public bool Released(LambdaArn previousOwner)
    {
        if (Functions.TryGetValue(previousOwner, out var state))
        {
            return state.Status is FunctionStatus.NotEnabled or FunctionStatus.NotManagedHere or FunctionStatus.Enabled;
        }

        return Desired.Target is null && Desired.IsComplete;
    }
}
