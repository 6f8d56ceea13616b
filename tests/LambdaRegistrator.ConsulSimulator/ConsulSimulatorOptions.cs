using System.Security.Cryptography.X509Certificates;

namespace LambdaRegistrator.ConsulSimulator;

/// <summary>How to start a <see cref="ConsulSimulatorServer"/>. <see cref="ToString"/> never shows the ACL token.</summary>
public sealed class ConsulSimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 (default) lets the OS pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>The datacenter of the agent on <see cref="Port"/>; default <c>dc1</c>.</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>
    /// Further datacenters, WAN-federated with <see cref="Datacenter"/>: reachable through <c>?dc=</c> or a register body's
    /// <c>Datacenter</c>, and each served by its own agent port (<see cref="ConsulSimulatorServer.AgentAddress"/>).
    /// Datacenters not listed give 500 <c>No path to datacenter</c>.
    /// </summary>
    public IReadOnlyList<string> AdditionalDatacenters { get; init; } = [];

    /// <summary>The federation's primary datacenter (owns the config entries); default <see cref="Datacenter"/>.</summary>
    public string? PrimaryDatacenter { get; init; }

    /// <summary>
    /// How long after a config entry write in the primary the secondaries hold the change (on <see cref="TimeProvider"/>);
    /// default 300 ms, <see cref="TimeSpan.Zero"/> replicates within the write.
    /// </summary>
    public TimeSpan ReplicationDelay { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Enterprise mode: partitions and namespaces accepted (and emitted in responses); otherwise CE's 400s.</summary>
    public bool Enterprise { get; init; }

    /// <summary>When set, ACLs are enabled with default policy deny and this secret is a management token.</summary>
    public string? AclBootstrapToken { get; init; }

    /// <summary>
    /// When set (<c>user:password</c>), every API request must carry this HTTP basic auth or is answered 401, as an
    /// authenticating proxy in front of Consul would. Real Consul ignores basic auth, so this is off by default.
    /// </summary>
    public string? RequireBasicAuth { get; init; }

    /// <summary>When set, the simulator serves HTTPS with this certificate (it must carry its private key).</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Delay added to every <c>/v1/</c> request (for benchmarks).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Lifetime of Connect leaf certificates; default 72 h like Consul. Leaves are re-issued after 60% of it.</summary>
    public TimeSpan LeafCertificateTtl { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Name of the simulated server node that carries the <c>consul</c> service.</summary>
    public string ServerNodeName { get; init; } = "consul-server";

    /// <summary>Clock for config replication, blocking-query waits and certificate validity (tests may pass a fake).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"ConsulSimulatorOptions {{ Port = {Port}, Datacenter = {Datacenter}, Datacenters = [{string.Join(", ", AdditionalDatacenters)}], Primary = {PrimaryDatacenter ?? Datacenter}, Enterprise = {Enterprise}, Acls = {(AclBootstrapToken is null ? "off" : "on")}, BasicAuth = {(RequireBasicAuth is null ? "off" : "on")}, Tls = {TlsCertificate is not null} }}";
}
