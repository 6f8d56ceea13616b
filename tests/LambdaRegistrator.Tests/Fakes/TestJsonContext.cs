using System.Text.Json.Serialization;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>Source-generated JSON for test fixtures.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
