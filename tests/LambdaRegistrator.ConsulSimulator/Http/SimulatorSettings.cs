namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>The immutable settings the endpoints read, derived from <see cref="ConsulSimulatorOptions"/>.</summary>
internal sealed record SimulatorSettings(
    string Datacenter,
    IReadOnlyList<string> Datacenters,
    bool Enterprise,
    bool AclsEnabled,
    TimeSpan LeafCertificateTtl,
    string ServerNodeName);
