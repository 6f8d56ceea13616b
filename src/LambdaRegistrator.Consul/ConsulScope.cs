namespace LambdaRegistrator.Consul;

/// <summary>Where a request applies: datacenter (<c>dc</c>), admin partition and namespace (Enterprise). Null or empty = the default.</summary>
/// <param name="Datacenter">The datacenter; null = the agent's.</param>
/// <param name="Partition">The admin partition; null = <see cref="ConsulClientOptions.Partition"/> (Enterprise only).</param>
/// <param name="Namespace">The namespace; null = <see cref="ConsulClientOptions.Namespace"/> (Enterprise only).</param>
public readonly record struct ConsulScope(string? Datacenter = null, string? Partition = null, string? Namespace = null)
{
    /// <summary>The agent's datacenter and the client's default partition and namespace.</summary>
    public static ConsulScope Default => default;
}
