namespace LambdaRegistrator.Consul.Connect;

/// <summary>A Connect leaf certificate and its private key for one service (<c>GET /v1/agent/connect/ca/leaf/:service</c>). Holds a secret: never logged.</summary>
public sealed record LeafCert
{
    /// <summary>Serial number, hex with colons.</summary>
    public string SerialNumber { get; init; } = string.Empty;

    /// <summary>PEM certificate.</summary>
    public string CertPEM { get; init; } = string.Empty;

    /// <summary>PEM private key. Secret.</summary>
    public string PrivateKeyPEM { get; init; } = string.Empty;

    /// <summary>Service the certificate identifies.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>SPIFFE URI in the certificate.</summary>
    public string ServiceURI { get; init; } = string.Empty;

    /// <summary>Start of validity.</summary>
    public DateTimeOffset ValidAfter { get; init; }

    /// <summary>End of validity: refresh before this.</summary>
    public DateTimeOffset ValidBefore { get; init; }

    /// <summary>Raft index at creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change.</summary>
    public ulong ModifyIndex { get; init; }

    /// <summary>Describes the certificate without the private key.</summary>
    public override string ToString() =>
        $"LeafCert {{ Service = {Service}, SerialNumber = {SerialNumber}, ValidAfter = {ValidAfter:O}, ValidBefore = {ValidBefore:O}, PrivateKeyPEM = {(PrivateKeyPEM.Length > 0 ? "(set)" : "(none)")} }}";
}
