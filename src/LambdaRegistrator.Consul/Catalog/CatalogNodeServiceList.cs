namespace LambdaRegistrator.Consul.Catalog;

/// <summary>Response of <c>GET /v1/catalog/node-services/:node</c>; an unknown node reads as a null <see cref="Node"/> and no services.</summary>
public sealed record CatalogNodeServiceList
{
    /// <summary>The node, or null when Consul does not know it (or the token may not read it).</summary>
    public CatalogNode? Node { get; init; }

    /// <summary>The services on the node, ordered by ID (null in JSON reads as empty).</summary>
    public IReadOnlyList<AgentService> Services { get; init => field = value ?? []; } = [];
}
