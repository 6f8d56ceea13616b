using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>A service instance: the <c>Service</c> of a catalog registration and an entry of <c>/v1/catalog/node-services</c>.</summary>
/// <remarks>
/// Why: only fields Consul's register body accepts are modelled (it rejects unknown keys with 400), and
/// <c>Proxy</c>/<c>Connect</c> are left out entirely because a <c>null</c> there makes Consul drop the connection.
/// Null and empty collections read alike; empty ones are omitted when writing, like Go's <c>omitempty</c>.
/// </remarks>
public sealed record AgentService
{
    /// <summary>Service kind (<c>connect-proxy</c>, gateways); null = a typical service.</summary>
    public string? Kind { get; init; }

    /// <summary>Instance ID, unique on its node; empty = the service name.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Service name.</summary>
    public string Service { get; init; } = string.Empty;

    /// <summary>Tags (null in JSON reads as empty).</summary>
    public IReadOnlyList<string> Tags { get; init => field = value ?? []; } = [];

    /// <summary>Service metadata (null in JSON reads as empty).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Port; 0 = none (omitted when writing).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Port { get; init; }

    /// <summary>Service address; null or empty = the node's address.</summary>
    public string? Address { get; init; }

    /// <summary>Whether agents may overwrite the tags (omitted when false).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool EnableTagOverride { get; init; }

    /// <summary>Enterprise namespace; sent only when set.</summary>
    public string? Namespace { get; init; }

    /// <summary>Enterprise admin partition; sent only when set.</summary>
    public string? Partition { get; init; }

    /// <summary>Raft index at creation (read only; omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change (read only; omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ModifyIndex { get; init; }
}
