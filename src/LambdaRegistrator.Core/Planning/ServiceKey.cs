namespace LambdaRegistrator.Core.Planning;

/// <summary>Identity of one Lambda service in Consul: scope plus service name (= service ID). Compared case-insensitively, like Consul's lookups.</summary>
public readonly record struct ServiceKey
{
    /// <summary>Creates a key; empty datacenter/partition/namespace become null.</summary>
    public ServiceKey(string? datacenter, string? partition, string? @namespace, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Scope = new ConsulScope(datacenter, partition, @namespace);
        Name = name;
    }

    /// <summary>Datacenter; null = the agent's.</summary>
    public string? Datacenter => Scope.Datacenter;

    /// <summary>Admin partition; null on Community Edition.</summary>
    public string? Partition => Scope.Partition;

    /// <summary>Namespace; null on Community Edition.</summary>
    public string? Namespace => Scope.Namespace;

    /// <summary>Service name, also its ID and its service-defaults entry name.</summary>
    public string Name { get; }

    /// <summary>The scope part of the key.</summary>
    public ConsulScope Scope { get; }

    /// <inheritdoc />
    public bool Equals(ServiceKey other) =>
        Scope.Equals(other.Scope) && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(Scope, Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name));

    /// <summary>Plan order: datacenter, partition, namespace, name (case-insensitive, then ordinal for a stable order).</summary>
    public static int Compare(ServiceKey a, ServiceKey b)
    {
        var c = string.Compare(a.Datacenter, b.Datacenter, StringComparison.OrdinalIgnoreCase);
        if (c == 0)
        {
            c = string.Compare(a.Partition, b.Partition, StringComparison.OrdinalIgnoreCase);
        }

        if (c == 0)
        {
            c = string.Compare(a.Namespace, b.Namespace, StringComparison.OrdinalIgnoreCase);
        }

        if (c == 0)
        {
            c = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>Readable form: <c>name (dc=dc1 partition=p ns=n)</c>.</summary>
    public override string ToString() =>
        Scope.Datacenter is null && Scope.Partition is null && Scope.Namespace is null ? Name : $"{Name} ({Scope})";
}
