namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>
/// The merged rules of a token's policies. Lookup: an exact rule wins, else the longest matching prefix rule
/// (Consul's radix-tree semantics); merging keeps the strongest policy per rule, deny &gt; write &gt; read.
/// </summary>
internal sealed class AclRuleSet
{
    private readonly Dictionary<(AclResource, string), AccessLevel> _exact = [];
    private readonly Dictionary<(AclResource, string), AccessLevel> _prefix = [];

    private readonly Dictionary<string, AccessLevel> _global = new(StringComparer.Ordinal);

    public bool AclWrite => Global("acl") == AccessLevel.Write;

    public static AclRuleSet Empty { get; } = new();

    /// <summary>The policy of a global rule (<c>operator</c>, <c>mesh</c>, <c>acl</c>, <c>peering</c>, <c>keyring</c>), or null when no policy sets it.</summary>
    public AccessLevel? Global(string resource) => _global.TryGetValue(resource, out var level) ? level : null;

    public void Add(AclResource resource, string name, bool prefix, AccessLevel level)
    {
        var map = prefix ? _prefix : _exact;
        var key = (resource, name);
        map[key] = map.TryGetValue(key, out var existing) ? Stronger(existing, level) : level;
    }

    public void AddGlobal(string resource, AccessLevel level) =>
        _global[resource] = _global.TryGetValue(resource, out var existing) ? Stronger(existing, level) : level;

    /// <summary>Why: Consul's policy merger lets deny take precedence, then write, then read.</summary>
    private static AccessLevel Stronger(AccessLevel a, AccessLevel b) =>
        a == AccessLevel.Deny || b == AccessLevel.Deny ? AccessLevel.Deny : (AccessLevel)Math.Max((int)a, (int)b);

    public void MergeFrom(AclRuleSet other)
    {
        foreach (var ((resource, name), level) in other._exact)
        {
            Add(resource, name, prefix: false, level);
        }

        foreach (var ((resource, name), level) in other._prefix)
        {
            Add(resource, name, prefix: true, level);
        }

        foreach (var (resource, level) in other._global)
        {
            AddGlobal(resource, level);
        }
    }

    /// <summary>The policy that applies to <paramref name="name"/>, or null when no rule matches.</summary>
    public AccessLevel? Lookup(AclResource resource, string name)
    {
        if (_exact.TryGetValue((resource, name), out var exact))
        {
            return exact;
        }

        AccessLevel? best = null;
        var bestLength = -1;
        foreach (var ((r, prefix), level) in _prefix)
        {
            if (r == resource && prefix.Length > bestLength && name.StartsWith(prefix, StringComparison.Ordinal))
            {
                best = level;
                bestLength = prefix.Length;
            }
        }

        return best;
    }
}
