using System.Text.Json.Serialization;

namespace LambdaRegistrator.Core.Tests.Planning;

[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
internal sealed partial class TestJsonContext : JsonSerializerContext;
