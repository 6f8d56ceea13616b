using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>One instance of a service with its node, as returned by <c>GET /v1/catalog/service/:name</c> (Consul's ServiceNode).</summary>
public sealed record CatalogService
{
    /// <summary>Node UUID.</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Node name.</summary>
    public string Node { get; init; } = string.Empty;

    /// <summary>Node address.</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>Datacenter.</summary>
    public string Datacenter { get; init; } = string.Empty;

    /// <summary>Node metadata (null in JSON reads as empty).</summary>
    public IReadOnlyDictionary<string, string> NodeMeta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Service kind; empty for a typical service.</summary>
    public string ServiceKind { get; init; } = string.Empty;

    /// <summary>Service instance ID.</summary>
    [JsonPropertyName("ServiceID")]
    public string ServiceId { get; init; } = string.Empty;

    /// <summary>Service name.</summary>
    public string ServiceName { get; init; } = string.Empty;

    /// <summary>Service address; empty = the node's address.</summary>
    public string ServiceAddress { get; init; } = string.Empty;

    /// <summary>Service tags (null in JSON reads as empty).</summary>
    public IReadOnlyList<string> ServiceTags { get; init => field = value ?? []; } = [];

    /// <summary>Service metadata (null in JSON reads as empty).</summary>
    public IReadOnlyDictionary<string, string> ServiceMeta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Service port.</summary>
    public int ServicePort { get; init; }

    /// <summary>Enterprise namespace.</summary>
    public string? Namespace { get; init; }

    /// <summary>Enterprise admin partition.</summary>
    public string? Partition { get; init; }

    /// <summary>Raft index at creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change.</summary>
    public ulong ModifyIndex { get; init; }
}
