using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>The JSON shape of <c>structs.ServiceNode</c> returned by <c>GET /v1/catalog/service/:service</c> (<c>agent/structs/structs.go</c>).</summary>
internal sealed record ServiceNodeView
{
    public required string ID { get; init; }
    public required string Node { get; init; }
    public required string Address { get; init; }
    public required string Datacenter { get; init; }
    public SortedDictionary<string, string>? TaggedAddresses { get; init; }
    public SortedDictionary<string, string>? NodeMeta { get; init; }
    public required string ServiceKind { get; init; }
    public required string ServiceID { get; init; }
    public required string ServiceName { get; init; }
    public required IReadOnlyList<string> ServiceTags { get; init; }
    public required string ServiceAddress { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, ServiceAddressView>? ServiceTaggedAddresses { get; init; }
    public required WeightsView ServiceWeights { get; init; }
    public SortedDictionary<string, string>? ServiceMeta { get; init; }
    public int ServicePort { get; init; }
    public JsonNode? ServicePorts { get; init; }
    public required string ServiceSocketPath { get; init; }
    public bool ServiceEnableTagOverride { get; init; }
    public required JsonNode ServiceProxy { get; init; }
    public required JsonNode ServiceConnect { get; init; }
    public JsonNode? ServiceLocality { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Partition { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }
    public ulong CreateIndex { get; init; }
    public ulong ModifyIndex { get; init; }
}
