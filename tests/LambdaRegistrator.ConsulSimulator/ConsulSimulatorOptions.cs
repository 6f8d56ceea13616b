using System.Security.Cryptography.X509Certificates;

namespace LambdaRegistrator.ConsulSimulator;

/// <summary>How to start a <see cref="ConsulSimulatorServer"/>. <see cref="ToString"/> never shows the ACL token.</summary>
public sealed class ConsulSimulatorOptions
{
    /// <summary>Port on 127.0.0.1; 0 (default) lets the OS pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>The agent's (and primary) datacenter; default <c>dc1</c>.</summary>
    public string Datacenter { get; init; } = "dc1";

    /// <summary>Further datacenters reachable through <c>?dc=</c> or a register body's <c>Datacenter</c>; others give 500 <c>No path to datacenter</c>.</summary>
    public IReadOnlyList<string> AdditionalDatacenters { get; init; } = [];

    /// <summary>Enterprise mode: partitions and namespaces accepted (and emitted in responses); otherwise CE's 400s.</summary>
    public bool Enterprise { get; init; }

    /// <summary>When set, ACLs are enabled with default policy deny and this secret is a management token.</summary>
    public string? AclBootstrapToken { get; init; }

    /// <summary>When set, the simulator serves HTTPS with this certificate (it must carry its private key).</summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Delay added to every <c>/v1/</c> request (for benchmarks).</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Lifetime of Connect leaf certificates; default 72 h like Consul. Leaves are re-issued after 60% of it.</summary>
    public TimeSpan LeafCertificateTtl { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Name of the simulated server node that carries the <c>consul</c> service.</summary>
    public string ServerNodeName { get; init; } = "consul-server";

    /// <summary>Clock for certificate validity (tests may pass a fake).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <inheritdoc />
    public override string ToString() =>
        $"ConsulSimulatorOptions {{ Port = {Port}, Datacenter = {Datacenter}, Enterprise = {Enterprise}, Acls = {(AclBootstrapToken is null ? "off" : "on")}, Tls = {TlsCertificate is not null} }}";
}
