using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>Builds the JSON views of stored catalog records (the shapes of <c>agent/structs/structs.go</c>); tenancy fields only in Enterprise mode.</summary>
internal static class CatalogViews
{
    /// <summary>Why: a plain service's Proxy serialises as this (Go's custom MarshalJSON drops zero fields).</summary>
    private static JsonObject DefaultProxy() => new JsonObject { ["Mode"] = "", ["MeshGateway"] = new JsonObject(), ["Expose"] = new JsonObject() };

    private static SortedDictionary<string, TValue>? Sorted<TValue>(IReadOnlyDictionary<string, TValue>? map) =>
        map is null ? null : new SortedDictionary<string, TValue>(map.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), StringComparer.Ordinal);

    private static SortedDictionary<string, ServiceAddressView>? Addresses(IReadOnlyDictionary<string, ServiceAddress>? map) =>
        map is null || map.Count == 0
            ? null
            : new SortedDictionary<string, ServiceAddressView>(
                map.ToDictionary(p => p.Key, p => new ServiceAddressView(p.Value.Address, p.Value.Port), StringComparer.Ordinal),
                StringComparer.Ordinal);

    public static NodeView Node(NodeRecord node, string datacenter, bool enterprise) => new(
        node.Id,
        node.Name,
        node.Address,
        datacenter,
        enterprise ? node.Partition : null,
        Sorted(node.TaggedAddresses),
        Sorted(node.Meta),
        node.CreateIndex,
        node.ModifyIndex);

    public static ServiceNodeView ServiceNode(NodeRecord node, ServiceRecord service, string datacenter, bool enterprise) => new()
    {
        ID = node.Id,
        Node = node.Name,
        Address = node.Address,
        Datacenter = datacenter,
        TaggedAddresses = Sorted(node.TaggedAddresses),
        NodeMeta = Sorted(node.Meta),
        ServiceKind = service.Kind,
        ServiceID = service.Id,
        ServiceName = service.Service,
        ServiceTags = service.Tags ?? [],
        ServiceAddress = service.Address,
        ServiceTaggedAddresses = Addresses(service.TaggedAddresses),
        ServiceWeights = new WeightsView(service.Weights.Passing, service.Weights.Warning),
        ServiceMeta = Sorted(service.Meta),
        ServicePort = service.Port,
        ServicePorts = service.Ports?.DeepClone(),
        ServiceSocketPath = service.SocketPath,
        ServiceEnableTagOverride = service.EnableTagOverride,
        ServiceProxy = service.Proxy?.DeepClone() ?? DefaultProxy(),
        ServiceConnect = service.Connect?.DeepClone() ?? new JsonObject(),
        ServiceLocality = service.Locality?.DeepClone(),
        Partition = enterprise ? service.Tenancy.Partition : null,
        Namespace = enterprise ? service.Tenancy.Namespace : null,
        CreateIndex = service.CreateIndex,
        ModifyIndex = service.ModifyIndex,
    };

    public static NodeServiceView NodeService(ServiceRecord service, bool enterprise) => new()
    {
        Kind = service.Kind.Length == 0 ? null : service.Kind,
        ID = service.Id,
        Service = service.Service,
        Tags = service.Tags ?? [],
        Address = service.Address,
        TaggedAddresses = Addresses(service.TaggedAddresses),
        Meta = Sorted(service.Meta),
        Port = service.Port,
        Ports = service.Ports?.DeepClone(),
        SocketPath = service.SocketPath.Length == 0 ? null : service.SocketPath,
        Weights = new WeightsView(service.Weights.Passing, service.Weights.Warning),
        EnableTagOverride = service.EnableTagOverride,
        Locality = service.Locality?.DeepClone(),
        Proxy = service.Proxy?.DeepClone() ?? DefaultProxy(),
        Connect = service.Connect?.DeepClone() ?? new JsonObject(),
        Partition = enterprise ? service.Tenancy.Partition : null,
        Namespace = enterprise ? service.Tenancy.Namespace : null,
        CreateIndex = service.CreateIndex,
        ModifyIndex = service.ModifyIndex,
    };
}
