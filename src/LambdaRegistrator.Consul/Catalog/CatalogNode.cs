using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>A catalog node as returned by the catalog reads.</summary>
public sealed record CatalogNode
{
    /// <summary>Node UUID (empty for external nodes registered without one).</summary>
    [JsonPropertyName("ID")]
    public string Id { get; init; } = string.Empty;

    /// <summary>Node name (JSON <c>Node</c>).</summary>
    [JsonPropertyName("Node")]
    public string Name { get; init; } = string.Empty;

    /// <summary>Node address (may be empty for external nodes).</summary>
    public string Address { get; init; } = string.Empty;

    /// <summary>Datacenter of the node.</summary>
    public string Datacenter { get; init; } = string.Empty;

    /// <summary>Node metadata (null in JSON reads as empty).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Enterprise admin partition.</summary>
    public string? Partition { get; init; }

    /// <summary>Raft index at creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change.</summary>
    public ulong ModifyIndex { get; init; }
}
