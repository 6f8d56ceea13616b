namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>A catalog node as stored by the simulator; replaced wholesale when its fields change.</summary>
internal sealed class NodeRecord
{
    public required string Name { get; init; }
    public required string Partition { get; init; }
    public string Id { get; init; } = "";
    public string Address { get; init; } = "";
    public IReadOnlyDictionary<string, string>? TaggedAddresses { get; init; }
    public IReadOnlyDictionary<string, string>? Meta { get; init; }
    public ulong CreateIndex { get; set; }
    public ulong ModifyIndex { get; set; }

    /// <summary>Why: Consul's <c>ChangesNode</c> compares with reflect.DeepEqual, so null and an empty map differ.</summary>
    public bool SameFieldsAs(NodeRecord other) =>
        string.Equals(Id, other.Id, StringComparison.Ordinal)
        && string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Address, other.Address, StringComparison.Ordinal)
        && MapEquality.Equal(TaggedAddresses, other.TaggedAddresses)
        && MapEquality.Equal(Meta, other.Meta);
}
