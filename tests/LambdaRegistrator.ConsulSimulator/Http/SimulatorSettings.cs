namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>The immutable settings the endpoints read, derived from <see cref="ConsulSimulatorOptions"/>.</summary>
/// <param name="Datacenter">The datacenter of the agent on the main port.</param>
/// <param name="PrimaryDatacenter">The federation's primary: it owns the config entries.</param>
/// <param name="Datacenters">Every datacenter of the federation, the agent's first.</param>
internal sealed record SimulatorSettings(
    string Datacenter,
    string PrimaryDatacenter,
    IReadOnlyList<string> Datacenters,
    bool Enterprise,
    bool AclsEnabled,
    TimeSpan LeafCertificateTtl,
    string ServerNodeName,
    TimeSpan ReplicationDelay)
{
    /// <summary>The Consul version the simulator reports (server node meta, <c>/v1/agent/self</c>).</summary>
    public const string ConsulVersion = "1.22.0";

    public bool Federated => Datacenters.Count > 1;
}
