namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// Which mesh identities (<c>CONSUL_EXTENSION_DATA_PREFIX</c>) a sync writes, refreshes or deletes: a registered service's
/// is written, an updated or unchanged owned service's is refreshed when due, a deregistered service's is deleted.
/// An action's identity is carried out only after that action's Consul writes succeeded; the identities of owned
/// services without an action are refreshed on every sync.
/// </summary>
/// <remarks>
/// Why refresh at all: the Go original writes the data only when a function's tags change, so the stored leaf
/// certificate silently expires; here every owned service's identity is kept fresh.
/// </remarks>
public static class MeshIdentities
{
    /// <summary>The SSM parameter name for a service's mesh identity: <c>&lt;prefix&gt;/&lt;partition|default&gt;/&lt;namespace|default&gt;/&lt;service&gt;</c>.</summary>
    public static string ParameterPath(string prefix, ServiceKey service)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{prefix.TrimEnd('/')}/{service.Partition ?? DesiredServices.DefaultName}/{service.Namespace ?? DesiredServices.DefaultName}/{service.Name}";
    }

    /// <summary>The identity step of an action; null when mesh identities are off.</summary>
    internal static MeshIdentityStep? For(PlanActionKind kind, ServiceKey service, PlanningOptions options) =>
        options.ExtensionDataPrefix is { } prefix
            ? new MeshIdentityStep(
                kind switch
                {
                    PlanActionKind.Register => MeshIdentityAction.Write,
                    PlanActionKind.Deregister => MeshIdentityAction.Delete,
                    _ => MeshIdentityAction.Refresh,
                },
                service,
                ParameterPath(prefix, service))
            : null;

    /// <summary>Refreshes for every owned service (of the target function, in a targeted sync) that has no action; one per parameter.</summary>
    internal static IReadOnlyList<MeshIdentityStep> Refreshes(PlanContext context)
    {
        if (context.Options.ExtensionDataPrefix is not { } prefix)
        {
            return [];
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var action in context.Actions)
        {
            taken.Add(ParameterPath(prefix, action.Service));
        }

        var refreshes = new List<MeshIdentityStep>();
        foreach (var (key, service) in context.Observed.Services)
        {
            var path = ParameterPath(prefix, key);
            if (Ownership.IsOwnedBy(service.Service.Meta, context.RegistratorId, context.Desired.Target) && taken.Add(path))
            {
                refreshes.Add(new MeshIdentityStep(MeshIdentityAction.Refresh, key, path));
            }
        }

        refreshes.Sort(static (a, b) => ServiceKey.Compare(a.Service, b.Service));
        return refreshes;
    }
}
