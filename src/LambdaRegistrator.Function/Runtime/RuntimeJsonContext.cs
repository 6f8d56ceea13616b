using System.Text.Json.Serialization;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>Source-generated JSON for the Runtime API error payloads and the host's log lines.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(RuntimeLogLine))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
