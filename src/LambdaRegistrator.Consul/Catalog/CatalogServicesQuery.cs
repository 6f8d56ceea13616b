namespace LambdaRegistrator.Consul.Catalog;

/// <summary>Optional filters of <c>GET /v1/catalog/services</c>.</summary>
public sealed record CatalogServicesQuery
{
    /// <summary>Only instances on nodes carrying all these meta pairs (sent as repeated <c>node-meta=key:value</c>; exact, case-sensitive).</summary>
    public IReadOnlyDictionary<string, string>? NodeMeta { get; init; }

    /// <summary>A bexpr <c>filter</c> evaluated against each service instance, e.g. <c>Node == "lambdas"</c>.</summary>
    public string? Filter { get; init; }
}
