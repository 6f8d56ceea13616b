using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// Config entries, kept in the primary datacenter (Consul forwards config writes there and replicates them).
/// Names and kinds are matched case-insensitively but stored with their original case. Guarded by the state lock.
/// </summary>
internal sealed class ConfigEntryStore
{
    private readonly Dictionary<(string Partition, string Namespace, string Kind, string Name), ConfigEntryRecord> _entries = [];
    private readonly CatalogStore _primary;

    public ConfigEntryStore(CatalogStore primary, ulong startIndex = 1)
    {
        _primary = primary;
        TableIndex = Math.Max(startIndex, 1);
    }

    /// <summary>The config-entries table index (<c>X-Consul-Index</c> of config reads).</summary>
    public ulong TableIndex { get; private set; }

    public ChangeNotifier Changes => _primary.Changes;

    private static (string, string, string, string) Key(Tenancy tenancy, string kind, string name) =>
        (tenancy.Partition.ToUpperInvariant(), tenancy.Namespace.ToUpperInvariant(), kind.ToUpperInvariant(), name.ToUpperInvariant());

    public ConfigEntryRecord? Find(Tenancy tenancy, string kind, string name) => _entries.GetValueOrDefault(Key(tenancy, kind, name));

    public IEnumerable<ConfigEntryRecord> List(Tenancy? tenancy, string? kind) =>
        _entries.Values
            .Where(e => tenancy is null
                        || (string.Equals(e.Tenancy.Partition, tenancy.Value.Partition, StringComparison.OrdinalIgnoreCase)
                            && (tenancy.Value.Namespace == "*"
                                || string.Equals(e.Tenancy.Namespace, tenancy.Value.Namespace, StringComparison.OrdinalIgnoreCase))))
            .Where(e => kind is null || string.Equals(e.Kind, kind, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Kind, StringComparer.Ordinal)
            .ThenBy(e => e.Name.ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>Writes an entry; identical content is a no-op that reports success (checked before CAS, §3.1).</summary>
    public bool Apply(ConfigEntryRecord entry, ulong? cas)
    {
        var key = Key(entry.Tenancy, entry.Kind, entry.Name);
        var existing = _entries.GetValueOrDefault(key);
        if (existing is not null && MapEquality.Equal(existing.Fields, entry.Fields))
        {
            return true;
        }

        if (cas is { } expected && (existing?.ModifyIndex ?? 0) != expected)
        {
            return false;
        }

        var index = _primary.WriteIndex();
        entry.CreateIndex = existing?.CreateIndex ?? index;
        entry.ModifyIndex = index;
        _entries[key] = entry;
        TableIndex = index;
        _primary.Commit();
        return true;
    }

    /// <summary>Deletes an entry; a missing entry is a successful no-op, a CAS mismatch returns false.</summary>
    public bool Delete(Tenancy tenancy, string kind, string name, ulong? cas)
    {
        var key = Key(tenancy, kind, name);
        if (!_entries.TryGetValue(key, out var existing))
        {
            return true;
        }

        if (cas is { } expected && existing.ModifyIndex != expected)
        {
            return false;
        }

        _entries.Remove(key);
        TableIndex = _primary.WriteIndex();
        _primary.Commit();
        return true;
    }
}
