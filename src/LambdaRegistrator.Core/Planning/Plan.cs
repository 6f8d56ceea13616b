using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The result of planning: ordered actions plus reported problems. Data only; the shell executes it or prints it.</summary>
/// <param name="Actions">Actions sorted by service key; independent of each other.</param>
/// <param name="Problems">Reported problems, sorted by function then service.</param>
/// <param name="UnchangedServices">Desired services already exactly as wanted.</param>
/// <param name="Target">The function of a targeted sync; null for a full sync.</param>
public sealed record Plan(
    IReadOnlyList<PlanAction> Actions,
    IReadOnlyList<PlanProblem> Problems,
    int UnchangedServices,
    LambdaArn? Target)
{
    /// <summary>Mesh identities to refresh (when due) for owned services without an action; empty when CONSUL_EXTENSION_DATA_PREFIX is unset.</summary>
    public IReadOnlyList<MeshIdentityStep> MeshIdentities { get; init; } = [];

    /// <summary>
    /// Why there is nothing to do, when the actions and problems do not already say it (a targeted sync of a function
    /// without registrator tags, a deregistration of a function with nothing registered); null otherwise.
    /// </summary>
    public string? Note { get; init; }

    /// <summary>True when there is nothing to write.</summary>
    public bool IsEmpty => Actions.Count == 0;

    /// <summary>
    /// The part of a full-sync plan that takes over services the Go registrator wrote (the CLI's <c>adopt</c>): the
    /// adopting actions, and the problems about Go-written services or an incomplete inventory. Everything else waits
    /// for the next sync.
    /// </summary>
    public Plan Adoptions()
    {
        var actions = Actions.Where(a => a.Adopts).ToList();
        return this with
        {
            Actions = actions,
            Problems = [.. Problems.Where(p => p.Kind is PlanProblemKind.UnclaimedLegacyService or PlanProblemKind.InventoryIncomplete)],
            UnchangedServices = 0,
            MeshIdentities = [],
            Note = actions.Count == 0
                ? $"nothing to adopt: no service tagged {Ownership.ManagedTag} without owner meta (written by the Go registrator) needs taking over or removing."
                : null,
        };
    }

    /// <summary>How many actions are of <paramref name="kind"/>.</summary>
    public int Count(PlanActionKind kind) => Actions.Count(a => a.Kind == kind);
}
