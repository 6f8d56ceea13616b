using System.Collections.Concurrent;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;
using CoreScope = LambdaRegistrator.Core.Planning.ConsulScope;

namespace LambdaRegistrator.Observation;

/// <summary>
/// Reads the observed state from Consul. A full read costs one request per (datacenter, partition) for the services on
/// NODE_NAME plus, per partition, one list per config entry kind written per service (<see cref="ConsulObjects.ServiceEntryKinds"/>;
/// today service-defaults) where the entries live (the primary datacenter), on Enterprise with <c>ns=*</c> so that
/// objects left in any namespace are seen. A targeted read costs the node's services per datacenter plus one filtered
/// list per kind and entry scope for the function's service names.
/// </summary>
internal sealed class ObservedStateReader(IConsulClient consul, string nodeName, bool enterprise, ILogger logger)
{
    private const string AllNamespaces = "*";
    private const string DefaultName = "default";

    /// <summary>
    /// Full read of every scope in <paramref name="scopes"/>: the node's services where each scope lives, and the config
    /// entries where <paramref name="entryScopeOf"/> says they live (the primary datacenter in a federation). A scope
    /// counts as read only when both its catalog read and its config entry read succeeded; the others are reported.
    /// </summary>
    public async Task<ObservedRead> ReadAsync(IReadOnlyList<CoreScope> scopes, Func<CoreScope, CoreScope> entryScopeOf, CancellationToken cancellationToken)
    {
        var services = new ConcurrentBag<ObservedService>();
        var entries = new ConcurrentBag<ObservedConfigEntry>();
        var readCatalogs = new ConcurrentBag<ScopeGroup>();
        var readEntryScopes = new ConcurrentDictionary<CoreScope, bool>();
        var errors = new ConcurrentQueue<string>();
        string? local = null;
        var groups = Groups(scopes);
        var entryGroups = groups.Select(g => entryScopeOf(g.Query)).Distinct().ToList();
        var reads = groups.Select(g => (Catalog: (ScopeGroup?)g, Entries: (CoreScope?)null))
            .Concat(entryGroups.Select(e => (Catalog: (ScopeGroup?)null, Entries: (CoreScope?)e)))
            .ToList();
        await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (read, token) =>
        {
            var what = read.Catalog?.Query ?? read.Entries!.Value;
            try
            {
                if (read.Catalog is { } group)
                {
                    var nodeResult = await consul.GetNodeServicesAsync(nodeName, ConsulMapping.ToWire(group.Query), token).ConfigureAwait(false);
                    if (FilteredByAcls(group.Query, [nodeResult.Meta]) is { } filtered)
                    {
                        Log.ConsulReadFailed(logger, group.Query.ToString(), filtered);
                        errors.Enqueue(filtered);
                        return;
                    }

                    var node = nodeResult.Value;
                    if (group.Query.Datacenter is null && node.Node is { Datacenter.Length: > 0 } known)
                    {
                        Interlocked.CompareExchange(ref local, known.Datacenter, null);
                    }

                    foreach (var service in node.Services)
                    {
                        services.Add(new ObservedService(ScopeOf(group.Query, service.Namespace), ConsulMapping.ToCore(service)));
                    }

                    readCatalogs.Add(group);
                    Log.ScopeRead(logger, group.Query.ToString(), node.Services.Count, 0);
                    return;
                }

                var entryScope = read.Entries!.Value;
                var listResults = await Task.WhenAll(ConsulObjects.ServiceEntryKinds
                    .Select(kind => consul.ListConfigEntriesAsync(kind, ConsulMapping.ToWire(entryScope), null, token))).ConfigureAwait(false);
                if (FilteredByAcls(entryScope, [.. listResults.Select(r => r.Meta)]) is { } entriesFiltered)
                {
                    Log.ConsulReadFailed(logger, entryScope.ToString(), entriesFiltered);
                    errors.Enqueue(entriesFiltered);
                    return;
                }

                var list = listResults.SelectMany(r => r.Value).Where(e => e.Name.Length > 0).ToList();
                foreach (var entry in list)
                {
                    entries.Add(new ObservedConfigEntry(ScopeOf(entryScope, entry.Namespace), ConsulMapping.ToCore(entry), entry.ModifyIndex));
                }

                readEntryScopes[entryScope] = true;
                Log.ScopeRead(logger, entryScope.ToString(), 0, list.Count);
            }
            catch (ConsulException exception)
            {
                Log.ConsulReadFailed(logger, what.ToString(), exception.Message);
                errors.Enqueue(read.Catalog is not null
                    ? $"Reading {what} from Consul failed: {exception.Message} Services there are not planned in this sync."
                    : $"Reading the config entries of {what} from Consul failed: {exception.Message} Services whose config entries live there are not planned in this sync.");
            }
        }).ConfigureAwait(false);

        var readScopes = new HashSet<CoreScope>();
        foreach (var group in readCatalogs)
        {
            if (!readEntryScopes.ContainsKey(entryScopeOf(group.Query)))
            {
                continue;
            }

            readScopes.UnionWith(group.Scopes);

            // Why: with ns=* every namespace of the partition was read, so every namespace seen counts as observed.
            foreach (var service in services.Where(s => SameGroup(s.Scope, group.Query)))
            {
                readScopes.Add(service.Scope);
            }

            foreach (var entry in entries.Where(e => SameGroup(e.Scope, entryScopeOf(group.Query))))
            {
                readScopes.Add(new CoreScope(group.Query.Datacenter, entry.Scope.Partition, entry.Scope.Namespace));
            }
        }

        return new ObservedRead(new ObservedState([.. readScopes], [.. services], [.. entries]), local, [.. errors]);
    }

    /// <summary>
    /// Targeted read for one function: the services on NODE_NAME in each scope, plus the config entries (where
    /// <paramref name="entryScopeOf"/> says they live) of every name the function wants (<paramref name="wantedNames"/>,
    /// looked up for every scope) or owns (found on the node in any scope).
    /// </summary>
    public async Task<ObservedRead> ReadForFunctionAsync(
        IReadOnlyList<CoreScope> scopes, Func<CoreScope, CoreScope> entryScopeOf, LambdaArn target, IReadOnlyCollection<string> wantedNames, CancellationToken cancellationToken)
    {
        var services = new List<ObservedService>();
        var readScopes = new List<CoreScope>();
        var errors = new List<string>();
        string? local = null;
        var lookups = new HashSet<ServiceKey>();
        foreach (var group in Groups(scopes))
        {
            try
            {
                var nodeResult = await consul.GetNodeServicesAsync(nodeName, ConsulMapping.ToWire(group.Query), cancellationToken).ConfigureAwait(false);
                if (FilteredByAcls(group.Query, [nodeResult.Meta]) is { } filtered)
                {
                    Log.ConsulReadFailed(logger, group.Query.ToString(), filtered);
                    errors.Add(filtered);
                    continue;
                }

                var node = nodeResult.Value;
                if (group.Query.Datacenter is null && node.Node is { Datacenter.Length: > 0 } known)
                {
                    local ??= known.Datacenter;
                }

                foreach (var service in node.Services)
                {
                    var observed = new ObservedService(ScopeOf(group.Query, service.Namespace), ConsulMapping.ToCore(service));
                    services.Add(observed);
                    if (Ownership.BelongsTo(observed.Service.Meta, target))
                    {
                        lookups.Add(entryScopeOf(observed.Scope).Service(observed.Key.Name));
                    }
                }

                foreach (var scope in group.Scopes)
                {
                    readScopes.Add(scope);
                    foreach (var name in wantedNames)
                    {
                        lookups.Add(entryScopeOf(scope).Service(name));
                    }
                }
            }
            catch (ConsulException exception)
            {
                Log.ConsulReadFailed(logger, group.Query.ToString(), exception.Message);
                errors.Add($"Reading {group.Query} from Consul failed: {exception.Message}");
            }
        }

        // Why: one filtered list per kind and entry scope instead of one GET per name keeps an event for a function with
        // aliases at a constant number of requests (at most 4 for an unchanged function in one datacenter). Names come
        // from validated function and alias names ([A-Za-z0-9_-]), and are quoted for bexpr anyway.
        var entries = new List<ObservedConfigEntry>();
        foreach (var scopeLookups in lookups.GroupBy(k => k.Scope))
        {
            var scope = scopeLookups.Key;
            var names = scopeLookups.Select(k => k.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var filter = string.Join(" or ", names.Order(StringComparer.Ordinal).Select(n => $"Name == {Quoted(n)}"));
            foreach (var kind in ConsulObjects.ServiceEntryKinds)
            {
                try
                {
                    var result = await consul.ListConfigEntriesAsync(kind, ConsulMapping.ToWire(scope), filter, cancellationToken).ConfigureAwait(false);
                    if (FilteredByAcls(scope, [result.Meta]) is { } filtered)
                    {
                        Log.ConsulReadFailed(logger, scope.ToString(), filtered);
                        errors.Add(filtered);
                        readScopes.RemoveAll(s => entryScopeOf(s).Equals(scope));
                        continue;
                    }

                    foreach (var entry in result.Value.Where(e => names.Contains(e.Name)))
                    {
                        entries.Add(new ObservedConfigEntry(ScopeOf(scope, entry.Namespace), ConsulMapping.ToCore(entry), entry.ModifyIndex));
                    }
                }
                catch (ConsulException exception)
                {
                    Log.ConsulReadFailed(logger, scope.ToString(), exception.Message);
                    errors.Add($"Reading {kind} {string.Join(", ", names)} in {scope} from Consul failed: {exception.Message}");
                    readScopes.RemoveAll(s => entryScopeOf(s).Equals(scope));
                }
            }
        }

        return new ObservedRead(new ObservedState([.. readScopes.Distinct()], services, entries), local, errors);
    }

    // Whether an item's scope was covered by a read of query (on Enterprise ns=* covers every namespace of the partition).
    private static bool SameGroup(CoreScope item, CoreScope query) =>
        string.Equals(item.Datacenter, query.Datacenter, StringComparison.OrdinalIgnoreCase)
        && string.Equals(item.Partition, query.Partition, StringComparison.OrdinalIgnoreCase)
        && (query.Namespace == AllNamespaces || string.Equals(item.Namespace, query.Namespace, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reads the shared entries (terminating-gateway, exported-services) named by <paramref name="keys"/>: one GET each.
    /// A missing entry is read as missing; a denied or failed read is kept with the sentence to report, so that the
    /// services are still planned.
    /// </summary>
    public async Task<IReadOnlyList<SharedEntryRead>> ReadSharedAsync(IReadOnlyList<ConfigEntryKey> keys, CancellationToken cancellationToken)
    {
        var reads = new SharedEntryRead[keys.Count];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            try
            {
                var found = (await consul.GetConfigEntryAsync(key.Kind, key.Name, ConsulMapping.ToWire(key.Scope), cancellationToken).ConfigureAwait(false)).Value;
                reads[i] = new SharedEntryRead(key, found is null ? null : new ObservedConfigEntry(key.Scope, ConsulMapping.ToCore(found), found.ModifyIndex), null);
            }
            catch (ConsulPermissionDeniedException exception)
            {
                Log.ConsulReadFailed(logger, key.ToString(), exception.Message);
                reads[i] = new SharedEntryRead(key, null, SharedEntries.ReadDeniedMessage(key, exception.Message));
            }
            catch (ConsulException exception)
            {
                Log.ConsulReadFailed(logger, key.ToString(), exception.Message);
                reads[i] = new SharedEntryRead(key, null, $"reading {key} from Consul failed: {exception.Message} The Lambda services are not listed in it in this sync.");
            }
        }

        return reads;
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    // Why: Consul answers a list read the token may only partly see with 200 and the entries silently dropped, marked
    // only by the X-Consul-Results-Filtered-By-ACLs header. Planning on such a read would re-register what exists and
    // miss what to delete, so the scope counts as unread and the report names the rules to grant. The one rule for
    // every read path: the full read, the targeted read and their config entry lists alike.
    private string? FilteredByAcls(CoreScope query, IReadOnlyList<QueryMeta> metas) =>
        metas.Any(m => m.ResultsFilteredByAcls)
            ? $"Consul filtered the read of {query} by ACLs: the token cannot see every service on node \"{nodeName}\". " +
              $"Grant node \"{nodeName}\" {{ policy = \"write\" }} (write implies the node:read that listing needs) and " +
              "service:read (or write) on the Lambda services, e.g. service_prefix \"\" { policy = \"write\" }. " +
              "Services there are not planned in this sync."
            : null;

    /// <summary>Re-reads one service after a lost check-and-set race: its config entries and its instances on NODE_NAME.</summary>
    /// <exception cref="ConsulException">A read failed.</exception>
    /// <param name="key">The service.</param>
    /// <param name="entryScope">Where its config entries live (the primary datacenter in a federation).</param>
    /// <param name="cancellationToken">Stops the reads.</param>
    public async Task<ObservedState> ReadServiceAsync(ServiceKey key, CoreScope entryScope, CancellationToken cancellationToken)
    {
        var scope = ConsulMapping.ToWire(key.Scope);
        var entryTasks = ConsulObjects.ServiceEntryKinds
            .Select(kind => consul.GetConfigEntryAsync(kind, key.Name, ConsulMapping.ToWire(entryScope), cancellationToken))
            .ToList();
        var instancesTask = consul.GetServiceAsync(key.Name, scope, cancellationToken);
        var found = await Task.WhenAll(entryTasks).ConfigureAwait(false);
        var instances = (await instancesTask.ConfigureAwait(false)).Value;
        var services = instances
            .Where(i => string.Equals(i.Node, nodeName, StringComparison.OrdinalIgnoreCase))
            .Select(i => new ObservedService(key.Scope, ConsulMapping.ToCore(i)))
            .ToList();
        var entries = found
            .Select(r => r.Value)
            .OfType<Consul.ConfigEntries.ConfigEntry>()
            .Select(e => new ObservedConfigEntry(entryScope, ConsulMapping.ToCore(e), e.ModifyIndex))
            .ToList();
        return new ObservedState([key.Scope], services, entries);
    }

    private CoreScope ScopeOf(CoreScope query, string? itemNamespace) =>
        enterprise && query.Namespace == AllNamespaces
            ? new CoreScope(query.Datacenter, query.Partition, string.IsNullOrEmpty(itemNamespace) ? DefaultName : itemNamespace)
            : query;

    // On Enterprise one ns=* read per (datacenter, partition) covers every namespace; on CE one read per datacenter.
    private List<ScopeGroup> Groups(IReadOnlyList<CoreScope> scopes)
    {
        if (!enterprise)
        {
            return [.. scopes.Distinct().Select(s => new ScopeGroup(s, [s]))];
        }

        return [.. scopes
            .GroupBy(s => new CoreScope(s.Datacenter, s.Partition ?? DefaultName, AllNamespaces))
            .Select(g => new ScopeGroup(g.Key, [.. g]))];
    }

    private sealed record ScopeGroup(CoreScope Query, IReadOnlyList<CoreScope> Scopes);
}
