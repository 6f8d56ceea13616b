using System.Text.Json.Serialization;

namespace LambdaRegistrator.Aws.Ssm;

/// <summary>Source-generated JSON for SSM's JSON 1.1 wire format.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetParameterRequest))]
[JsonSerializable(typeof(GetParameterResponse))]
[JsonSerializable(typeof(PutParameterRequest))]
[JsonSerializable(typeof(PutParameterResponse))]
[JsonSerializable(typeof(DeleteParameterRequest))]
internal sealed partial class SsmJsonContext : JsonSerializerContext;

/// <summary>GetParameter request.</summary>
internal sealed record GetParameterRequest(string Name, bool WithDecryption);

/// <summary>GetParameter response.</summary>
internal sealed record GetParameterResponse(ParameterWire? Parameter);

/// <summary>A parameter on the wire; LastModifiedDate is epoch seconds with a fraction (JSON protocol timestamps).</summary>
internal sealed record ParameterWire(string? Name, string? Type, string? Value, long Version, double? LastModifiedDate, string? ARN);

/// <summary>PutParameter request.</summary>
internal sealed record PutParameterRequest(string Name, string Value, string Type, bool Overwrite, string Tier);

/// <summary>PutParameter response.</summary>
internal sealed record PutParameterResponse(long Version, string? Tier);

/// <summary>DeleteParameter request.</summary>
internal sealed record DeleteParameterRequest(string Name);
