using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Connect;

/// <summary>One trusted Connect CA root certificate.</summary>
public sealed record CARoot
{
    /// <summary>Root ID.</summary>
    public string ID { get; init; } = string.Empty;

    /// <summary>Human-friendly name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>PEM of the root certificate (JSON <c>RootCert</c>).</summary>
    [JsonPropertyName("RootCert")]
    public string RootCertPEM { get; init; } = string.Empty;

    /// <summary>PEM intermediates between the root and leaf certificates (null in JSON reads as empty).</summary>
    public IReadOnlyList<string> IntermediateCerts { get; init => field = value ?? []; } = [];

    /// <summary>This root signs new leaf certificates.</summary>
    public bool Active { get; init; }

    /// <summary>Start of validity.</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>End of validity.</summary>
    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>Raft index at creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change.</summary>
    public ulong ModifyIndex { get; init; }
}
