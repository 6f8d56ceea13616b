using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// The observed state keyed for planning: scopes normalised (an unset datacenter is the agent's, an unset Enterprise
/// partition or namespace is <c>default</c>), and only scopes this registrator manages.
/// </summary>
internal sealed class ObservedIndex
{
    private readonly PlanningOptions _options;

    private ObservedIndex(PlanningOptions options) => _options = options;

    /// <summary>The scopes that were read.</summary>
    public HashSet<ConsulScope> Scopes { get; } = [];

    /// <summary>Service instances on NODE_NAME by key (scope + service ID).</summary>
    public Dictionary<ServiceKey, ObservedService> Services { get; } = [];

    /// <summary>Instances whose ID differs from their name, by key of the name: they block that name.</summary>
    public Dictionary<ServiceKey, ObservedService> OtherInstancesByName { get; } = [];

    /// <summary>Config entries of any kind by key (kind + scope + entry name).</summary>
    public Dictionary<ConfigEntryKey, ObservedConfigEntry> Entries { get; } = [];

    /// <summary>Shared entries (terminating-gateway, exported-services) by normalised key; absent = not read.</summary>
    public Dictionary<ConfigEntryKey, SharedEntryRead> SharedEntries { get; } = [];

    public static ObservedIndex Build(ObservedState observed, PlanningOptions options)
    {
        var index = new ObservedIndex(options);
        foreach (var scope in observed.Scopes)
        {
            index.Scopes.Add(index.Normalize(scope));
        }

        foreach (var service in observed.Services)
        {
            var scope = index.Normalize(service.Scope);
            if (!index.IsManaged(scope))
            {
                continue;
            }

            index.Services[scope.Service(service.Service.Id)] = service;
            if (!string.Equals(service.Service.Id, service.Service.Name, StringComparison.OrdinalIgnoreCase))
            {
                index.OtherInstancesByName.TryAdd(scope.Service(service.Service.Name), service);
            }
        }

        foreach (var entry in observed.ConfigEntries)
        {
            var scope = index.Normalize(entry.Scope);
            if (index.IsManagedEntryScope(scope))
            {
                index.Entries[entry.Entry.KeyIn(scope)] = entry;
            }
        }

        foreach (var read in observed.SharedEntries)
        {
            var scope = index.Normalize(read.Key.Scope);
            if (index.IsManaged(scope))
            {
                index.SharedEntries[new ConfigEntryKey(read.Key.Kind, scope, read.Key.Name)] = read;
            }
        }

        return index;
    }

    private ConsulScope Normalize(ConsulScope scope)
    {
        var dc = scope.Datacenter ?? DesiredServices.DefaultDatacenter(_options);
        return _options.Enterprise
            ? new ConsulScope(dc, scope.Partition ?? DesiredServices.DefaultName, scope.Namespace ?? DesiredServices.DefaultName)
            : new ConsulScope(dc, scope.Partition, scope.Namespace);
    }

    // Config entries in the primary are global: they are this registrator's to plan whichever datacenter it manages.
    private bool IsManagedEntryScope(ConsulScope scope) =>
        _options.PrimaryDatacenter is { } primary && string.Equals(scope.Datacenter, primary, StringComparison.OrdinalIgnoreCase)
            ? !_options.Enterprise || (scope.Partition is not null && _options.Partitions.Contains(scope.Partition))
            : IsManaged(scope);

    private bool IsManaged(ConsulScope scope)
    {
        if (_options.Datacenter is not null && !string.Equals(scope.Datacenter, _options.Datacenter, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return !_options.Enterprise || (scope.Partition is not null && _options.Partitions.Contains(scope.Partition));
    }
}
