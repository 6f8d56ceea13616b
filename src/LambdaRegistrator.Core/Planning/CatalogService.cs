namespace LambdaRegistrator.Core.Planning;

/// <summary>The service part of a catalog registration (desired) or of a node's service list (observed).</summary>
/// <param name="Id">Service ID; this registrator always uses the service name.</param>
/// <param name="Name">Service name.</param>
/// <param name="Tags">Service tags.</param>
/// <param name="Meta">Service meta.</param>
public sealed record CatalogService(string Id, string Name, IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Meta);
