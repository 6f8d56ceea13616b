using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// Identity of one config entry: kind, the scope it lives in and its name (kind and name compared case-insensitively,
/// like Consul's lookups). The scope is the config entry's own: it is kept apart from a catalog service's scope
/// because config entries are global per partition and namespace in a WAN federation (they live in the primary
/// datacenter), while catalog registrations live in each datacenter.
/// </summary>
public readonly record struct ConfigEntryKey
{
    /// <summary>Creates a key.</summary>
    public ConfigEntryKey(string kind, ConsulScope scope, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        Kind = kind;
        Scope = scope;
        Name = name;
    }

    /// <summary>Consul's kind name.</summary>
    public string Kind { get; }

    /// <summary>Where the entry lives (datacenter to send it to, partition, namespace).</summary>
    public ConsulScope Scope { get; }

    /// <summary>The entry name.</summary>
    public string Name { get; }

    /// <inheritdoc />
    public bool Equals(ConfigEntryKey other) =>
        string.Equals(Kind, other.Kind, StringComparison.OrdinalIgnoreCase)
        && Scope.Equals(other.Scope)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        Kind is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Kind),
        Scope,
        Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    /// <summary>Readable form: <c>service-defaults "orders" (dc=dc1)</c>.</summary>
    public override string ToString() => $"{Kind} \"{Name}\" ({Scope})";
}
