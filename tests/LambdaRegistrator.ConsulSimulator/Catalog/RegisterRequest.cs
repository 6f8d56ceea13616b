using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>A decoded <c>structs.RegisterRequest</c> body.</summary>
internal sealed class RegisterRequest
{
    public string? Datacenter { get; set; }
    public string? Id { get; set; }
    public string Node { get; set; } = "";
    public string Address { get; set; } = "";
    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; set; }
    public IReadOnlyDictionary<string, string>? NodeMeta { get; set; }
    public RegisterService? Service { get; set; }
    public List<JsonObject> Checks { get; } = [];
    public bool SkipNodeUpdate { get; set; }
    public string PeerName { get; set; } = "";
    public string? Namespace { get; set; }
    public string? Partition { get; set; }
}

/// <summary>A decoded <c>structs.NodeService</c> inside a register body.</summary>
internal sealed class RegisterService
{
    public string Kind { get; set; } = "";
    public string Id { get; set; } = "";
    public string Service { get; set; } = "";
    public IReadOnlyList<string>? Tags { get; set; }
    public string Address { get; set; } = "";
    public IReadOnlyDictionary<string, ServiceAddress>? TaggedAddresses { get; set; }
    public IReadOnlyDictionary<string, string>? Meta { get; set; }
    public int Port { get; set; }
    public JsonNode? Ports { get; set; }
    public string SocketPath { get; set; } = "";
    public ServiceWeights? Weights { get; set; }
    public bool EnableTagOverride { get; set; }
    public JsonNode? Locality { get; set; }
    public JsonNode? Proxy { get; set; }
    public JsonNode? Connect { get; set; }
    public string PeerName { get; set; } = "";
    public string? Namespace { get; set; }
    public string? Partition { get; set; }
}
