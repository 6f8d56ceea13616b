namespace LambdaRegistrator.Core.Planning;

/// <summary>A service instance found on NODE_NAME in one scope.</summary>
/// <param name="Scope">Where it was found (use the names the shell queried with).</param>
/// <param name="Service">ID, name, tags and meta as Consul returned them.</param>
public sealed record ObservedService(ConsulScope Scope, CatalogService Service)
{
    /// <summary>The key (scope + service ID).</summary>
    public ServiceKey Key => Scope.Service(Service.Id);
}
