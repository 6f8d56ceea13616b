using System.Text.Json.Serialization;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>Source-generated JSON for test-side encoding.</summary>
[JsonSerializable(typeof(string))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
