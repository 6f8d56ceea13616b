using System.Text.Json.Serialization;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Source-generated JSON for the Lambda response (<see cref="PlanSummary"/>); nulls omitted.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PlanSummary))]
public sealed partial class LambdaResponseJsonContext : JsonSerializerContext;
