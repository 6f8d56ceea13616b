using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>A service instance on a node; identity is (node, namespace, ID) compared case-insensitively.</summary>
internal sealed class ServiceRecord
{
    public required string NodeName { get; init; }
    public required Tenancy Tenancy { get; init; }
    public string Kind { get; init; } = "";
    public required string Id { get; init; }
    public required string Service { get; init; }
    public IReadOnlyList<string>? Tags { get; init; }
    public string Address { get; init; } = "";
    public IReadOnlyDictionary<string, ServiceAddress>? TaggedAddresses { get; init; }
    public IReadOnlyDictionary<string, string>? Meta { get; init; }
    public int Port { get; init; }
    public string SocketPath { get; init; } = "";
    public ServiceWeights Weights { get; init; } = ServiceWeights.Default;
    public bool EnableTagOverride { get; init; }
    public JsonNode? Proxy { get; init; }
    public JsonNode? Connect { get; init; }
    public JsonNode? Locality { get; init; }
    public JsonNode? Ports { get; init; }
    public ulong CreateIndex { get; set; }
    public ulong ModifyIndex { get; set; }

    /// <summary>Why: Consul's IsSame short-circuit; an identical re-registration writes nothing and bumps no index.</summary>
    public bool SameAs(ServiceRecord other) =>
        string.Equals(Kind, other.Kind, StringComparison.Ordinal)
        && string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Service, other.Service, StringComparison.Ordinal)
        && MapEquality.Equal(Tags, other.Tags)
        && string.Equals(Address, other.Address, StringComparison.Ordinal)
        && MapEquality.Equal(TaggedAddresses, other.TaggedAddresses)
        && MapEquality.Equal(Meta, other.Meta)
        && Port == other.Port
        && string.Equals(SocketPath, other.SocketPath, StringComparison.Ordinal)
        && Weights == other.Weights
        && EnableTagOverride == other.EnableTagOverride
        && MapEquality.Equal(Proxy, other.Proxy)
        && MapEquality.Equal(Connect, other.Connect)
        && MapEquality.Equal(Locality, other.Locality)
        && MapEquality.Equal(Ports, other.Ports);
}
