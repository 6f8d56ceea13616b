using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// The config entries of one datacenter, written through that datacenter's raft log. In the primary they are the
/// entries themselves (every write lands here); in a secondary they are replicated copies carrying the secondary's own
/// indexes. Names and kinds are matched case-insensitively but stored with their original case. Guarded by the state lock.
/// </summary>
internal sealed class ConfigEntryStore
{
    private readonly Dictionary<(string Partition, string Namespace, string Kind, string Name), ConfigEntryRecord> _entries = [];
    private readonly RaftLog _raft;

    public ConfigEntryStore(RaftLog raft)
    {
        _raft = raft;
        TableIndex = raft.Index;
    }

    /// <summary>The config-entries table index (<c>X-Consul-Index</c> of config reads).</summary>
    public ulong TableIndex { get; private set; }

    public ChangeNotifier Changes => _raft.Changes;

    public IEnumerable<ConfigEntryRecord> All => _entries.Values;

    private static (string, string, string, string) Key(Tenancy tenancy, string kind, string name) =>
        (tenancy.Partition.ToUpperInvariant(), tenancy.Namespace.ToUpperInvariant(), kind.ToUpperInvariant(), name.ToUpperInvariant());

    private static (string, string, string, string) Key(ConfigEntryRecord entry) => Key(entry.Tenancy, entry.Kind, entry.Name);

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

    /// <summary>
    /// Writes an entry. Why this order: <c>ConfigEntry.Apply</c>'s <c>shouldSkipUpsertOperation</c> answers true for
    /// content equal to the stored entry before the FSM's CAS comparison (<c>EnsureConfigEntryCAS</c>) runs.
    /// </summary>
    public bool Apply(ConfigEntryRecord entry, ulong? cas)
    {
        var key = Key(entry);
        var existing = _entries.GetValueOrDefault(key);
        if (existing is not null && SameContent(existing, entry))
        {
            return true;
        }

        if (cas is { } expected && (existing?.ModifyIndex ?? 0) != expected)
        {
            return false;
        }

        Store(key, entry, existing);
        return true;
    }

    /// <summary>Deletes an entry; a missing entry is a successful no-op (the endpoint's skip check), a CAS mismatch returns false.</summary>
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

        Remove(key);
        return true;
    }

    /// <summary>
    /// One replication round into this (secondary) store, like <c>config_replication.go</c>'s <c>diffConfigEntries</c> and
    /// <c>reconcileLocalConfig</c>: entries the primary changed are written through this datacenter's own raft log (so
    /// they get this datacenter's indexes), entries the primary no longer has are deleted. Returns the number of changes.
    /// </summary>
    public int ReplicateFrom(ConfigEntryStore primary)
    {
        var changes = 0;
        foreach (var local in _entries.Values.ToList())
        {
            if (primary._entries.ContainsKey(Key(local)) is false)
            {
                Remove(Key(local));
                changes++;
            }
        }

        foreach (var remote in primary._entries.Values.OrderBy(e => e.ModifyIndex))
        {
            var key = Key(remote);
            var existing = _entries.GetValueOrDefault(key);
            if (existing is not null && SameContent(existing, remote))
            {
                continue;
            }

            Store(key, new ConfigEntryRecord { Kind = remote.Kind, Name = remote.Name, Tenancy = remote.Tenancy, Fields = remote.Fields.DeepClone().AsObject() }, existing);
            changes++;
        }

        return changes;
    }

    /// <summary>True when this store holds exactly the primary's entries (names and content).</summary>
    public bool SameEntriesAs(ConfigEntryStore primary) =>
        _entries.Count == primary._entries.Count
        && primary._entries.All(p => _entries.TryGetValue(p.Key, out var local) && SameContent(local, p.Value));

    private static bool SameContent(ConfigEntryRecord a, ConfigEntryRecord b) =>
        string.Equals(a.Name, b.Name, StringComparison.Ordinal) && MapEquality.Equal(a.Fields, b.Fields);

    private void Store((string, string, string, string) key, ConfigEntryRecord entry, ConfigEntryRecord? existing)
    {
        // Why: ensureConfigEntryTxn keeps CreateIndex of an existing entry and sets ModifyIndex to the write's raft index.
        var index = _raft.WriteIndex();
        entry.CreateIndex = existing?.CreateIndex ?? index;
        entry.ModifyIndex = index;
        _entries[key] = entry;
        TableIndex = index;
        _raft.Commit();
    }

    private void Remove((string, string, string, string) key)
    {
        _entries.Remove(key);
        TableIndex = _raft.WriteIndex();
        _raft.Commit();
    }
}
