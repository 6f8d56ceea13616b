using System.Text.Json.Serialization;

namespace LambdaRegistrator.MeshIdentity;

/// <summary>The SSM value the consul-lambda-extension reads: a service's mesh identity. Holds a private key: never logged.</summary>
internal sealed record ExtensionData
{
    [JsonPropertyName("privateKeyPEM")]
    public string PrivateKeyPem { get; init; } = string.Empty;

    [JsonPropertyName("certPEM")]
    public string CertPem { get; init; } = string.Empty;

    [JsonPropertyName("rootCertPEM")]
    public string RootCertPem { get; init; } = string.Empty;

    [JsonPropertyName("trustDomain")]
    public string TrustDomain { get; init; } = string.Empty;

    public override string ToString() => $"ExtensionData {{ TrustDomain = {TrustDomain}, PrivateKeyPEM = (hidden) }}";
}
