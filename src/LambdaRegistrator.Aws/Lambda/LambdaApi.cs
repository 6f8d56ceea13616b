using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Lambda;

/// <summary>Lambda's rest-json API over the signed transport.</summary>
internal sealed class LambdaApi : ILambdaApi
{
    private const string ResourceNotFound = "ResourceNotFoundException";
    private readonly AwsTransport _transport;
    private readonly string _endpoint;
    private readonly TokenBucket? _getFunctionBucket;
    private readonly TokenBucket? _controlPlaneBucket;

    public LambdaApi(AwsTransport transport, Uri endpoint, TokenBucket? getFunctionBucket, TokenBucket? controlPlaneBucket)
    {
        _transport = transport;
        _endpoint = endpoint.AbsoluteUri.TrimEnd('/');
        _getFunctionBucket = getFunctionBucket;
        _controlPlaneBucket = controlPlaneBucket;
    }

    public async IAsyncEnumerable<FunctionConfiguration> ListFunctionsAsync(
        int maxItems = 50, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxItems, 50);
        string? marker = null;
        do
        {
            var uri = $"{_endpoint}/2015-03-31/functions?MaxItems={maxItems}{MarkerQuery(marker)}";
            var page = await SendAsync("ListFunctions", uri, _controlPlaneBucket, LambdaJsonContext.Default.ListFunctionsResponse, cancellationToken)
                .ConfigureAwait(false);
            foreach (var function in page.Functions ?? [])
            {
                yield return function;
            }

            marker = NextMarker(page.NextMarker, marker, "ListFunctions");
        }
        while (marker is not null);
    }

    public Task<FunctionDetails?> GetFunctionAsync(string functionName, CancellationToken cancellationToken = default) =>
        GetFunctionAsync(functionName, null, cancellationToken);

    public async Task<FunctionDetails?> GetFunctionAsync(string functionName, string? qualifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        var query = qualifier is null ? string.Empty : $"?Qualifier={Uri.EscapeDataString(qualifier)}";
        var uri = $"{_endpoint}/2015-03-31/functions/{Uri.EscapeDataString(functionName)}{query}";
        GetFunctionResponse response;
        try
        {
            response = await SendAsync("GetFunction", uri, _getFunctionBucket, LambdaJsonContext.Default.GetFunctionResponse, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (IsNotFound(exception))
        {
            return null;
        }

        if (response.Configuration is null)
        {
            throw Malformed("GetFunction", "it has no Configuration");
        }

        var tags = response.TagsError is { } error
            ? FunctionTags.Unknown(string.IsNullOrEmpty(error.ErrorCode) ? "TagsError" : error.ErrorCode, error.Message)
            : response.Tags is { Count: > 0 } values ? FunctionTags.Known(values) : FunctionTags.None;
        return new FunctionDetails(response.Configuration, tags);
    }

    public async IAsyncEnumerable<AliasConfiguration> ListAliasesAsync(
        string functionName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        string? marker = null;
        do
        {
            // Why: AWS documents no page cap for ListAliases; 50 keeps pages small like ListFunctions.
            var uri = $"{_endpoint}/2015-03-31/functions/{Uri.EscapeDataString(functionName)}/aliases?MaxItems=50{MarkerQuery(marker)}";
            var page = await SendAsync("ListAliases", uri, _controlPlaneBucket, LambdaJsonContext.Default.ListAliasesResponse, cancellationToken)
                .ConfigureAwait(false);
            foreach (var alias in page.Aliases ?? [])
            {
                yield return alias;
            }

            marker = NextMarker(page.NextMarker, marker, "ListAliases");
        }
        while (marker is not null);
    }

    public async Task<IReadOnlyDictionary<string, string>?> ListTagsAsync(string functionArn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionArn);
        // Why: the ARN is a non-greedy URI label, so ':' goes out as %3A (botocore percent_encode, safe set -._~).
        var uri = $"{_endpoint}/2017-03-31/tags/{Uri.EscapeDataString(functionArn)}";
        try
        {
            var response = await SendAsync("ListTags", uri, _controlPlaneBucket, LambdaJsonContext.Default.ListTagsResponse, cancellationToken)
                .ConfigureAwait(false);
            return response.Tags ?? new Dictionary<string, string>(StringComparer.Ordinal);
        }
        catch (AwsServiceException exception) when (IsNotFound(exception))
        {
            return null;
        }
    }

    private static bool IsNotFound(AwsServiceException exception) =>
        exception.ErrorCode == ResourceNotFound || (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode == "Http404");

    // Why: the marker is opaque; a raw '+' in a query value is read as a space by AWS and by the signer.
    private static string MarkerQuery(string? marker) => marker is null ? string.Empty : $"&Marker={Uri.EscapeDataString(marker)}";

    private static string? NextMarker(string? next, string? previous, string operation)
    {
        if (string.IsNullOrEmpty(next))
        {
            return null;
        }

        if (next == previous)
        {
            throw Malformed(operation, $"NextMarker repeated the previous marker '{next}', which would page forever");
        }

        return next;
    }

    private static AwsServiceException Malformed(string operation, string detail) =>
        new(AwsServiceNames.Lambda, operation, "MalformedResponse", HttpStatusCode.OK,
            $"Lambda {operation} returned a response the registrator cannot use: {detail}. Check AWS_ENDPOINT_URL_LAMBDA if it points at an emulator.", 1);

    private async Task<T> SendAsync<T>(
        string operation, string uri, TokenBucket? bucket, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(
            new AwsRequest(AwsServiceNames.Lambda, AwsServiceNames.LambdaSigningName, operation, HttpMethod.Get, new Uri(uri), RateLimit: bucket),
            cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, typeInfo) ?? throw Malformed(operation, "the body is null");
        }
        catch (JsonException exception)
        {
            throw new AwsServiceException(AwsServiceNames.Lambda, operation, "MalformedResponse", response.StatusCode,
                $"Lambda {operation} returned JSON the registrator cannot read ({exception.Message}). Check AWS_ENDPOINT_URL_LAMBDA if it points at an emulator.",
                1, exception);
        }
    }
}
