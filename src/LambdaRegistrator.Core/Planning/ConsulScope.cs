namespace LambdaRegistrator.Core.Planning;

/// <summary>Where Consul objects live: datacenter, admin partition and namespace (null = the default / not applicable). Compared case-insensitively, like Consul.</summary>
public readonly record struct ConsulScope
{
    /// <summary>Creates a scope; empty strings become null.</summary>
    public ConsulScope(string? datacenter, string? partition, string? @namespace)
    {
        Datacenter = string.IsNullOrEmpty(datacenter) ? null : datacenter;
        Partition = string.IsNullOrEmpty(partition) ? null : partition;
        Namespace = string.IsNullOrEmpty(@namespace) ? null : @namespace;
    }

    /// <summary>Datacenter (<c>dc</c> query parameter); null = the agent's.</summary>
    public string? Datacenter { get; }

    /// <summary>Admin partition (Enterprise); null on Community Edition.</summary>
    public string? Partition { get; }

    /// <summary>Namespace (Enterprise); null on Community Edition.</summary>
    public string? Namespace { get; }

    /// <summary>The key of service <paramref name="name"/> in this scope.</summary>
    public ServiceKey Service(string name) => new(Datacenter, Partition, Namespace, name);

    /// <inheritdoc />
    public bool Equals(ConsulScope other) =>
        string.Equals(Datacenter, other.Datacenter, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Partition, other.Partition, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Namespace, other.Namespace, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        Datacenter is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Datacenter),
        Partition is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Partition),
        Namespace is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Namespace));

    /// <summary>Readable form: <c>dc=dc1 partition=default ns=default</c> (only the parts that are set).</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (Datacenter is not null)
        {
            parts.Add("dc=" + Datacenter);
        }

        if (Partition is not null)
        {
            parts.Add("partition=" + Partition);
        }

        if (Namespace is not null)
        {
            parts.Add("ns=" + Namespace);
        }

        return parts.Count == 0 ? "default scope" : string.Join(' ', parts);
    }
}
