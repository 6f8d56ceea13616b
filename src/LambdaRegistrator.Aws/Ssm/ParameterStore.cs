using LambdaRegistrator.Core.Configuration;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Ssm;

/// <summary>SSM Parameter Store over the signed transport (JSON 1.1, target prefix <c>AmazonSSM</c>).</summary>
internal sealed class ParameterStore : IParameterStore
{
    private const string ContentType = "application/x-amz-json-1.1";
    private const string ParameterNotFound = "ParameterNotFound";
    private readonly AwsTransport _transport;
    private readonly Uri _endpoint;
    private readonly TokenBucket? _bucket;

    public ParameterStore(AwsTransport transport, Uri endpoint, TokenBucket? bucket)
    {
        _transport = transport;
        _endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/");
        _bucket = bucket;
    }

    public async Task<Parameter?> GetParameterAsync(string name, bool withDecryption = true, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        GetParameterResponse response;
        try
        {
            response = await SendAsync(
                "GetParameter",
                JsonSerializer.SerializeToUtf8Bytes(new GetParameterRequest(name, withDecryption), SsmJsonContext.Default.GetParameterRequest),
                SsmJsonContext.Default.GetParameterResponse,
                cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == ParameterNotFound)
        {
            return null;
        }

        var wire = response.Parameter;
        if (wire?.Name is null || wire.Value is null)
        {
            throw Malformed("GetParameter", "it has no Parameter.Name or Parameter.Value", HttpStatusCode.OK, null);
        }

        DateTimeOffset? modified = wire.LastModifiedDate is { } seconds
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(seconds * 1000))
            : null;
        return new Parameter(wire.Name, wire.Type ?? "String", wire.Value, wire.Version, modified, wire.ARN);
    }

    public async Task<long> PutSecureStringAsync(string name, string value, ParameterTier tier, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        var request = new PutParameterRequest(name, value, "SecureString", Overwrite: true, tier.ToName());
        var response = await SendAsync(
            "PutParameter",
            JsonSerializer.SerializeToUtf8Bytes(request, SsmJsonContext.Default.PutParameterRequest),
            SsmJsonContext.Default.PutParameterResponse,
            cancellationToken).ConfigureAwait(false);
        return response.Version;
    }

    public async Task<bool> DeleteParameterAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        try
        {
            await _transport.SendAsync(
                Request("DeleteParameter", JsonSerializer.SerializeToUtf8Bytes(new DeleteParameterRequest(name), SsmJsonContext.Default.DeleteParameterRequest)),
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AwsServiceException exception) when (exception.ErrorCode == ParameterNotFound)
        {
            return false;
        }
    }

    private static AwsServiceException Malformed(string operation, string detail, HttpStatusCode status, Exception? inner) =>
        new(AwsServiceNames.Ssm, operation, "MalformedResponse", status,
            $"SSM {operation} returned a response the registrator cannot use: {detail}. Check AWS_ENDPOINT_URL_SSM if it points at an emulator.",
            1, inner);

    private AwsRequest Request(string operation, byte[] body) =>
        new(AwsServiceNames.Ssm, AwsServiceNames.SsmSigningName, operation, HttpMethod.Post, _endpoint, body, ContentType, $"AmazonSSM.{operation}", _bucket);

    private async Task<T> SendAsync<T>(string operation, byte[] body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var response = await _transport.SendAsync(Request(operation, body), cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize(response.Body, typeInfo) ?? throw Malformed(operation, "the body is null", response.StatusCode, null);
        }
        catch (JsonException exception)
        {
            throw Malformed(operation, $"the JSON cannot be read ({exception.Message})", response.StatusCode, exception);
        }
    }
}
