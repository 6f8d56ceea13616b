using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.Catalog;
using LambdaRegistrator.ConsulSimulator.ConnectCa;
using LambdaRegistrator.ConsulSimulator.Control;
using LambdaRegistrator.ConsulSimulator.Diagnostics;
using LambdaRegistrator.ConsulSimulator.Partitions;

namespace LambdaRegistrator.ConsulSimulator.Json;

/// <summary>
/// Source-generated JSON for the simulated Consul wire format. Why no null-omission here (unlike the project's
/// clients): Consul's Go structs emit many fields as <c>null</c> (Meta, TaggedAddresses) and the simulator must too;
/// omitempty fields are marked per property.
/// </summary>
[JsonSerializable(typeof(NodeView))]
[JsonSerializable(typeof(List<NodeView>))]
[JsonSerializable(typeof(ServiceNodeView))]
[JsonSerializable(typeof(List<ServiceNodeView>))]
[JsonSerializable(typeof(NodeServiceView))]
[JsonSerializable(typeof(NodeServicesView))]
[JsonSerializable(typeof(NodeInfoView))]
[JsonSerializable(typeof(SortedDictionary<string, List<string>>))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(JsonNode))]
[JsonSerializable(typeof(JsonObject))]
[JsonSerializable(typeof(JsonArray))]
[JsonSerializable(typeof(FaultListDto))]
[JsonSerializable(typeof(FaultRuleDto))]
[JsonSerializable(typeof(StatsDto))]
[JsonSerializable(typeof(List<RecordedRequest>))]
[JsonSerializable(typeof(CaRootsView))]
[JsonSerializable(typeof(AclPolicyRequest))]
[JsonSerializable(typeof(AclPolicyView))]
[JsonSerializable(typeof(AclTokenRequest))]
[JsonSerializable(typeof(AclTokenView))]
[JsonSerializable(typeof(TenancyRequest))]
[JsonSerializable(typeof(PartitionView))]
[JsonSerializable(typeof(List<PartitionView>))]
[JsonSerializable(typeof(NamespaceView))]
[JsonSerializable(typeof(List<NamespaceView>))]
[JsonSerializable(typeof(LeafCertificateView))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext
{
    /// <summary>Why: like Go, don't escape '+' and friends in PEM and ARN strings; reads are case-insensitive like encoding/json.</summary>
    public static SimulatorJsonContext Wire { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNameCaseInsensitive = true,
    });
}
