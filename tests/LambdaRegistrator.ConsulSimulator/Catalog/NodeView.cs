using System.Text.Json.Serialization;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>The JSON shape of <c>structs.Node</c> (<c>agent/structs/structs.go</c>): TaggedAddresses and Meta are emitted as null when unset.</summary>
internal sealed record NodeView(
    string ID,
    string Node,
    string Address,
    string Datacenter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Partition,
    SortedDictionary<string, string>? TaggedAddresses,
    SortedDictionary<string, string>? Meta,
    ulong CreateIndex,
    ulong ModifyIndex);
