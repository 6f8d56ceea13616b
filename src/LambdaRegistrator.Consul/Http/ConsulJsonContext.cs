using System.Text.Json.Serialization;
using LambdaRegistrator.Consul.Agent;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Connect;

namespace LambdaRegistrator.Consul.Http;

/// <summary>The Consul HTTP API wire format: nulls omitted on write (Go <c>omitempty</c>), keys matched case-insensitively on read like Go.</summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true,
    NumberHandling = JsonNumberHandling.Strict)]
[JsonSerializable(typeof(CatalogRegistration))]
[JsonSerializable(typeof(CatalogDeregistration))]
[JsonSerializable(typeof(CatalogNodeServiceList))]
[JsonSerializable(typeof(Dictionary<string, List<string>>))]
[JsonSerializable(typeof(List<CatalogService>))]
[JsonSerializable(typeof(ServiceDefaultsEntry))]
[JsonSerializable(typeof(List<ServiceDefaultsEntry>))]
[JsonSerializable(typeof(ConfigEntry))]
[JsonSerializable(typeof(List<ConfigEntry>))]
[JsonSerializable(typeof(CARootList))]
[JsonSerializable(typeof(LeafCert))]
[JsonSerializable(typeof(AgentSelf))]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(string))]
internal sealed partial class ConsulJsonContext : JsonSerializerContext;
