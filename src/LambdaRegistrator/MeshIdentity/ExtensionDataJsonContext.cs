using System.Text.Json.Serialization;

namespace LambdaRegistrator.MeshIdentity;

/// <summary>Source-generated JSON for the extension-data SSM value.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ExtensionData))]
internal sealed partial class ExtensionDataJsonContext : JsonSerializerContext;
