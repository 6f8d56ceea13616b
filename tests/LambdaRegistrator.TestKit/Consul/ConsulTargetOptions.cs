namespace LambdaRegistrator.TestKit.Consul;

/// <summary>How to start a <see cref="ConsulTarget"/>. <see cref="ToString"/> never shows the ACL token.</summary>
public sealed class ConsulTargetOptions
{
    /// <summary>Enterprise features (partitions, namespaces). Against a real Community Edition consul this cannot start.</summary>
    public bool Enterprise { get; init; }

    /// <summary>When set, ACLs are on with default policy deny and this secret is a management token.</summary>
    public string? AclBootstrapToken { get; init; }

    /// <summary>PEM certificate file for HTTPS (with <see cref="TlsKeyFile"/>); null for plain HTTP.</summary>
    public string? TlsCertificateFile { get; init; }

    /// <summary>PEM private key file of <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; init; }

    /// <summary>Simulator only: Connect leaf certificate lifetime (a real dev agent uses its own, 72 h).</summary>
    public TimeSpan? LeafCertificateTtl { get; init; }

    /// <summary>
    /// Further datacenters, WAN-federated with <c>dc1</c> as the primary: the simulator models the federation in process;
    /// against a real consul one more <c>consul agent -dev</c> per datacenter is started and WAN-joined to dc1's
    /// (not with ACLs: a real federation with ACLs needs token replication, which the target does not set up).
    /// </summary>
    public IReadOnlyList<string> AdditionalDatacenters { get; init; } = [];

    /// <summary>Simulator only: the clock of config replication and blocking waits (a <c>FakeTimeProvider</c> in tests).</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Simulator only: the config replication delay (default: the simulator's 300 ms).</summary>
    public TimeSpan? ReplicationDelay { get; init; }

    /// <summary>Use the simulator even when a <c>consul</c> binary is on PATH (for simulator-specific tests such as fault injection).</summary>
    public bool SimulatorOnly { get; init; }

    /// <summary>
    /// <c>user:password</c> every request must carry as HTTP basic auth (the simulator then plays an authenticating proxy
    /// in front of Consul; implies the simulator, since real Consul ignores basic auth).
    /// </summary>
    public string? RequireBasicAuth { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ConsulTargetOptions {{ Enterprise = {Enterprise}, Acls = {(AclBootstrapToken is null ? "off" : "on")}, Tls = {TlsCertificateFile is not null}, Datacenters = [dc1{string.Concat(AdditionalDatacenters.Select(dc => ", " + dc))}], SimulatorOnly = {SimulatorOnly} }}";
}
