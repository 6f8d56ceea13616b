using System.Text.Json.Serialization;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>Source-generated JSON for the Runtime API error payloads.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorResponse))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
