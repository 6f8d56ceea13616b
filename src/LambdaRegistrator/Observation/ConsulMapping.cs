using System.Text.Json;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Core.ConfigEntries;
using CoreCatalogRegistration = LambdaRegistrator.Core.Planning.CatalogRegistration;
using CoreCatalogService = LambdaRegistrator.Core.Planning.CatalogService;
using CoreConfigEntry = LambdaRegistrator.Core.ConfigEntries.ConfigEntry;
using CoreScope = LambdaRegistrator.Core.Planning.ConsulScope;
using WireConfigEntry = LambdaRegistrator.Consul.ConfigEntries.ConfigEntry;
using WireScope = LambdaRegistrator.Consul.ConsulScope;

namespace LambdaRegistrator.Observation;

/// <summary>Translates between the planner's values (Core) and the Consul client's wire types.</summary>
internal static class ConsulMapping
{
    public static WireScope ToWire(CoreScope scope) => new(scope.Datacenter, scope.Partition, scope.Namespace);

    // Why: the kind's typed body is made from the entry's raw fields (Core models each kind); fields a kind does not
    // model stay raw in the body, so writing an entry back sends them unchanged.
    public static CoreConfigEntry ToCore(WireConfigEntry entry) =>
        new(entry.Name, entry.Meta, ConfigEntryKinds.Read(entry.Kind, (IReadOnlyDictionary<string, JsonElement>?)entry.Fields ?? JsonFields.None));

    public static WireConfigEntry ToWire(CoreConfigEntry entry) => new()
    {
        Kind = entry.Kind,
        Name = entry.Name,
        Meta = entry.Meta,
        Fields = new Dictionary<string, JsonElement>(entry.Body.ToFields(), StringComparer.Ordinal),
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
