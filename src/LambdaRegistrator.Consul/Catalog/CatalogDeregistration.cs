using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>Body of <c>PUT /v1/catalog/deregister</c>: removes a service (with <see cref="ServiceId"/>), a check, or the whole node.</summary>
public sealed record CatalogDeregistration
{
    /// <summary>Node name (required).</summary>
    public string Node { get; init; } = string.Empty;

    /// <summary>Target datacenter. Why: deregister ignores <c>?dc</c>, so the client copies <see cref="ConsulScope.Datacenter"/> here.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The service instance to remove; null with a null <see cref="CheckId"/> removes the node and everything on it.</summary>
    [JsonPropertyName("ServiceID")]
    public string? ServiceId { get; init; }

    /// <summary>The check to remove.</summary>
    [JsonPropertyName("CheckID")]
    public string? CheckId { get; init; }

    /// <summary>Enterprise namespace; sent only when set.</summary>
    public string? Namespace { get; init; }

    /// <summary>Enterprise admin partition; sent only when set.</summary>
    public string? Partition { get; init; }
}
