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
