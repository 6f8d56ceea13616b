using System.Text.Json.Serialization;

namespace LambdaRegistrator.Aws.Lambda;

/// <summary>Source-generated JSON for Lambda's rest-json wire format.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ListFunctionsResponse))]
[JsonSerializable(typeof(GetFunctionResponse))]
[JsonSerializable(typeof(ListAliasesResponse))]
[JsonSerializable(typeof(ListTagsResponse))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;

/// <summary>ListFunctions response.</summary>
internal sealed record ListFunctionsResponse(IReadOnlyList<FunctionConfiguration>? Functions, string? NextMarker);

/// <summary>GetFunction response (Code and Concurrency are not needed).</summary>
internal sealed record GetFunctionResponse(
    FunctionConfiguration? Configuration,
    IReadOnlyDictionary<string, string>? Tags,
    TagsError? TagsError);

/// <summary>Why GetFunction did not return tags.</summary>
internal sealed record TagsError(string? ErrorCode, string? Message);

/// <summary>ListAliases response.</summary>
internal sealed record ListAliasesResponse(IReadOnlyList<AliasConfiguration>? Aliases, string? NextMarker);

/// <summary>ListTags response.</summary>
internal sealed record ListTagsResponse(IReadOnlyDictionary<string, string>? Tags);
