using System.Text.Json.Serialization;

namespace LambdaRegistrator.Cli.Output;

/// <summary>Source-generated JSON for the CLI's <c>--output json</c> document; indented for people who pipe it to a pager, nulls omitted.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReportDocument))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
