using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaRegistrator.Consul.Catalog;

namespace LambdaRegistrator.Consul.ConfigEntries;

/// <summary>
/// A config entry of any kind as Consul's HTTP API sends it: the fields every kind has, and every other field in
/// <see cref="Fields"/> exactly as received, so that writing a read entry back changes nothing it did not mean to.
/// </summary>
public sealed record ConfigEntry
{
    /// <summary>The kind, e.g. <c>service-defaults</c> or <c>terminating-gateway</c>.</summary>
    public string Kind { get; init; } = string.Empty;

    /// <summary>The entry name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Enterprise admin partition; sent only when set.</summary>
    public string? Partition { get; init; }

    /// <summary>Enterprise namespace; sent only when set.</summary>
    public string? Namespace { get; init; }

    /// <summary>Entry metadata (null in JSON reads as empty; omitted when empty).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Raft index at creation (read only; omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change: the value to pass as <c>cas</c> for a check-and-set update (omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ModifyIndex { get; init; }

    /// <summary>Every other field of the entry (its kind-specific body), as raw JSON values under the names Consul used.</summary>
    /// <remarks>Why a setter: System.Text.Json cannot fill extension data through an init-only property.</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Fields { get; set; }
}
