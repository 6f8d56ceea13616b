using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>The JSON shape of <c>structs.NodeService</c> in node and node-services responses (<c>agent/structs/structs.go</c>); Port 0 is omitted.</summary>
internal sealed record NodeServiceView
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }
    public required string ID { get; init; }
    public required string Service { get; init; }
    public required IReadOnlyList<string> Tags { get; init; }
    public required string Address { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SortedDictionary<string, ServiceAddressView>? TaggedAddresses { get; init; }
    public SortedDictionary<string, string>? Meta { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Port { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Ports { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SocketPath { get; init; }
    public required WeightsView Weights { get; init; }
    public bool EnableTagOverride { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Locality { get; init; }
    public required JsonNode Proxy { get; init; }
    public required JsonNode Connect { get; init; }
    public string PeerName { get; init; } = "";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Partition { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Namespace { get; init; }
    public ulong CreateIndex { get; init; }
    public ulong ModifyIndex { get; init; }
}
