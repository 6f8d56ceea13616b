using System.Text.Json.Serialization;

namespace LambdaRegistrator;

/// <summary>Source-generated JSON for <see cref="SyncSummary"/> (the Lambda response); nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SyncSummary))]
internal sealed partial class SyncSummaryJsonContext : JsonSerializerContext;
