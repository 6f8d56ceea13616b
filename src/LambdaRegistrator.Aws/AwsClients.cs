using LambdaRegistrator.Aws.Http;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.Aws.Tagging;

namespace LambdaRegistrator.Aws;

/// <summary>
/// The AWS clients of one process: Lambda, Tagging and SSM sharing one connection pool, one set of lazily
/// resolved credentials and one set of quota buckets. Create once at start-up and reuse for every invocation.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly AwsTransport _transport;

    private AwsClients(AwsEndpoints endpoints, AwsTransport transport, ILambdaApi lambda, ITaggingApi tagging, IParameterStore parameterStore)
    {
        Endpoints = endpoints;
        _transport = transport;
        Lambda = lambda;
        Tagging = tagging;
        ParameterStore = parameterStore;
    }

    /// <summary>The region and endpoints in use.</summary>
    public AwsEndpoints Endpoints { get; }

    /// <summary>Lambda control plane: ListFunctions, GetFunction, ListAliases, ListTags.</summary>
    public ILambdaApi Lambda { get; }

    /// <summary>Resource Groups Tagging API: GetResources.</summary>
    public ITaggingApi Tagging { get; }

    /// <summary>SSM Parameter Store: GetParameter, PutParameter, DeleteParameter.</summary>
    public IParameterStore ParameterStore { get; }

    /// <summary>
    /// Resolves region and endpoints from <paramref name="environment"/> now, and credentials on the first call.
    /// </summary>
    /// <param name="environment">Reads an environment variable, e.g. <c>Environment.GetEnvironmentVariable</c>.</param>
    /// <param name="options">Retry, rate-limit, clock and credential overrides; null for production defaults.</param>
    /// <exception cref="AwsConfigurationException">The region is missing or an endpoint URL is invalid.</exception>
    public static AwsClients Create(Func<string, string?> environment, AwsClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        options ??= new AwsClientOptions();
        var endpoints = AwsEndpoints.Resolve(environment);
        var transport = new AwsTransport(new AwsCredentialSource(environment, options.Credentials), endpoints.Region, options);
        var limits = options.RateLimits;
        var time = options.TimeProvider;
        return new AwsClients(
            endpoints,
            transport,
            new LambdaApi(transport, endpoints.Lambda, Bucket(limits.GetFunction, time), Bucket(limits.LambdaControlPlane, time)),
            new TaggingApi(transport, endpoints.Tagging, Bucket(limits.Tagging, time)),
            new ParameterStore(transport, endpoints.Ssm, Bucket(limits.Ssm, time)));
    }

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private static TokenBucket? Bucket(RateLimit? limit, TimeProvider time) => limit is null ? null : new TokenBucket(limit, time);
}
