using LambdaRegistrator.Consul.Catalog;
using CoreCatalogRegistration = LambdaRegistrator.Core.Planning.CatalogRegistration;
using CoreCatalogService = LambdaRegistrator.Core.Planning.CatalogService;
using CoreEnvoyExtension = LambdaRegistrator.Core.Planning.EnvoyExtension;
using CoreScope = LambdaRegistrator.Core.Planning.ConsulScope;
using CoreServiceDefaults = LambdaRegistrator.Core.Planning.ServiceDefaultsEntry;
using WireEnvoyExtension = LambdaRegistrator.Consul.ConfigEntries.EnvoyExtension;
using WireScope = LambdaRegistrator.Consul.ConsulScope;
using WireServiceDefaults = LambdaRegistrator.Consul.ConfigEntries.ServiceDefaultsEntry;

namespace LambdaRegistrator.Observation;

/// <summary>Translates between the planner's values (Core) and the Consul client's wire types.</summary>
internal static class ConsulMapping
{
    public static WireScope ToWire(CoreScope scope) => new(scope.Datacenter, scope.Partition, scope.Namespace);

    public static CoreServiceDefaults ToCore(WireServiceDefaults entry) => new(
        entry.Name,
        entry.Protocol,
        entry.Meta,
        [.. entry.EnvoyExtensions.Select(e => new CoreEnvoyExtension(e.Name, e.Required, e.Arguments))]);

    public static WireServiceDefaults ToWire(CoreServiceDefaults entry) => new()
    {
        Name = entry.Name,
        Protocol = entry.Protocol,
        Meta = entry.Meta,
        EnvoyExtensions = [.. entry.EnvoyExtensions.Select(e => new WireEnvoyExtension { Name = e.Name, Required = e.Required, Arguments = e.Arguments })],
    };

    public static CoreCatalogService ToCore(AgentService service) => new(
        string.IsNullOrEmpty(service.Id) ? service.Service : service.Id,
        service.Service,
        service.Tags,
        service.Meta);

    public static CoreCatalogService ToCore(CatalogService service) => new(
        string.IsNullOrEmpty(service.ServiceId) ? service.ServiceName : service.ServiceId,
        service.ServiceName,
        service.ServiceTags,
        service.ServiceMeta);

    public static CatalogRegistration ToWire(CoreCatalogRegistration registration) => new()
    {
        Node = registration.Node,
        NodeMeta = registration.NodeMeta,
        SkipNodeUpdate = CoreCatalogRegistration.SkipNodeUpdate,
        Service = new AgentService
        {
            Id = registration.Service.Id,
            Service = registration.Service.Name,
            Tags = registration.Service.Tags,
            Meta = registration.Service.Meta,
        },
    };
}
