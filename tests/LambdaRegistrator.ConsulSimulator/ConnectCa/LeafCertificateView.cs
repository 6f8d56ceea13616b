using System.Text.Json.Serialization;

namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>The JSON shape of <c>structs.IssuedCert</c> (<c>GET /v1/agent/connect/ca/leaf/:service</c>).</summary>
internal sealed record LeafCertificateView(
    string SerialNumber,
    string CertPEM,
    string PrivateKeyPEM,
    string Service,
    string ServiceURI,
    string ValidAfter,
    string ValidBefore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Namespace,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Partition,
    ulong CreateIndex,
    ulong ModifyIndex);
