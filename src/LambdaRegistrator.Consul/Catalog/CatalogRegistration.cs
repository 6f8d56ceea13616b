using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>Body of <c>PUT /v1/catalog/register</c>: a node (created if missing) and optionally one service on it.</summary>
public sealed record CatalogRegistration
{
    /// <summary>Node UUID; null = none (typical for external nodes).</summary>
    [JsonPropertyName("ID")]
    public string? Id { get; init; }

    /// <summary>Node name (required).</summary>
    public string Node { get; init; } = string.Empty;

    /// <summary>Node address; may be null when <see cref="SkipNodeUpdate"/> is true.</summary>
    public string? Address { get; init; }

    /// <summary>Target datacenter. Why: register ignores <c>?dc</c>, so the client copies <see cref="ConsulScope.Datacenter"/> here.</summary>
    public string? Datacenter { get; init; }

    /// <summary>Node metadata, e.g. <c>external-node</c>/<c>external-probe</c>; ignored by Consul when the node exists and <see cref="SkipNodeUpdate"/> is true.</summary>
    public IReadOnlyDictionary<string, string> NodeMeta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>The service to register or replace (same ID = whole record replaced).</summary>
    public AgentService? Service { get; init; }

    /// <summary>Leave an existing node record untouched (and allow an empty <see cref="Address"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool SkipNodeUpdate { get; init; }

    /// <summary>Enterprise admin partition; sent only when set.</summary>
    public string? Partition { get; init; }
}
