using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Tagging;

/// <summary>GetResources over the signed transport (JSON 1.1, signing name <c>tagging</c>).</summary>
internal sealed class TaggingApi : ITaggingApi
{
    private const string Operation = "GetResources";
    private const string Target = "ResourceGroupsTaggingAPI_20170126.GetResources";
    private const string ContentType = "application/x-amz-json-1.1";

    // Why: 100 is the documented maximum ResourcesPerPage; fewer pages means fewer calls.
    private const int ResourcesPerPage = 100;

    private readonly AwsTransport _transport;
    private readonly Uri _endpoint;
    private readonly TokenBucket? _bucket;

    public TaggingApi(AwsTransport transport, Uri endpoint, TokenBucket? bucket)
    {
        _transport = transport;
        _endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/");
        _bucket = bucket;
    }

    public async IAsyncEnumerable<ResourceTagMapping> GetResourcesAsync(
        IReadOnlyList<string> resourceTypeFilters,
        IReadOnlyList<TagFilter> tagFilters,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(resourceTypeFilters);
        ArgumentNullException.ThrowIfNull(tagFilters);
        string? token = null;
        do
        {
            var request = new GetResourcesRequest(
                resourceTypeFilters.Count > 0 ? resourceTypeFilters : null,
                tagFilters.Count > 0 ? tagFilters : null,
                ResourcesPerPage,
                token);
            var body = JsonSerializer.SerializeToUtf8Bytes(request, TaggingJsonContext.Default.GetResourcesRequest);
            var response = await _transport.SendAsync(
                new AwsRequest(AwsServiceNames.Tagging, AwsServiceNames.TaggingSigningName, Operation, HttpMethod.Post, _endpoint, body, ContentType, Target, _bucket),
                cancellationToken).ConfigureAwait(false);
            var page = Read(response);
            foreach (var mapping in page.ResourceTagMappingList ?? [])
            {
                if (string.IsNullOrEmpty(mapping.ResourceARN))
                {
                    continue;
                }

                var tags = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var tag in mapping.Tags ?? [])
                {
                    if (tag.Key is not null)
                    {
                        tags[tag.Key] = tag.Value ?? string.Empty;
                    }
                }

                yield return new ResourceTagMapping(mapping.ResourceARN, tags);
            }

            // Why: botocore ends on a null or empty token ("We do not want to include any empty strings as actual tokens").
            var next = string.IsNullOrEmpty(page.PaginationToken) ? null : page.PaginationToken;
            if (next is not null && next == token)
            {
                throw Malformed($"PaginationToken repeated the previous token, which would page forever", response.StatusCode, null);
            }

            token = next;
        }
        while (token is not null);
    }

    private static GetResourcesResponse Read(AwsResponse response)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Body, TaggingJsonContext.Default.GetResourcesResponse)
                ?? throw Malformed("the body is null", response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw Malformed($"the JSON cannot be read ({exception.Message})", response.StatusCode, exception);
        }
    }

    private static AwsServiceException Malformed(string detail, HttpStatusCode status, Exception? inner) =>
        new(AwsServiceNames.Tagging, Operation, "MalformedResponse", status,
            $"{AwsServiceNames.Tagging} {Operation} returned a response the registrator cannot use: {detail}. "
            + "Check AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API if it points at an emulator.",
            1, inner);
}
