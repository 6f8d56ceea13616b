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

    /// <summary>Simulator only: extra datacenters besides <c>dc1</c>.</summary>
    public IReadOnlyList<string> AdditionalDatacenters { get; init; } = [];

    /// <summary>Use the simulator even when a <c>consul</c> binary is on PATH (for simulator-specific tests such as fault injection).</summary>
    public bool SimulatorOnly { get; init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"ConsulTargetOptions {{ Enterprise = {Enterprise}, Acls = {(AclBootstrapToken is null ? "off" : "on")}, Tls = {TlsCertificateFile is not null}, SimulatorOnly = {SimulatorOnly} }}";
}
