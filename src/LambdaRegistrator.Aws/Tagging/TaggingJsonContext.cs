using System.Text.Json.Serialization;

namespace LambdaRegistrator.Aws.Tagging;

/// <summary>Source-generated JSON for the Tagging API's JSON 1.1 wire format.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetResourcesRequest))]
[JsonSerializable(typeof(GetResourcesResponse))]
internal sealed partial class TaggingJsonContext : JsonSerializerContext;

/// <summary>GetResources request.</summary>
internal sealed record GetResourcesRequest(
    IReadOnlyList<string>? ResourceTypeFilters,
    IReadOnlyList<TagFilter>? TagFilters,
    int ResourcesPerPage,
    string? PaginationToken);

/// <summary>GetResources response.</summary>
internal sealed record GetResourcesResponse(string? PaginationToken, IReadOnlyList<ResourceTagMappingWire>? ResourceTagMappingList);

/// <summary>One resource on the wire.</summary>
internal sealed record ResourceTagMappingWire(string? ResourceARN, IReadOnlyList<TagWire>? Tags);

/// <summary>One tag on the wire.</summary>
internal sealed record TagWire(string? Key, string? Value);
