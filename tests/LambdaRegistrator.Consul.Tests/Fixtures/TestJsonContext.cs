using System.Text.Json.Serialization;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>Source-generated JSON for test set-up payloads.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
