using LambdaRegistrator.Aws.Http;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.Aws.Sts;
using LambdaRegistrator.Aws.Tagging;

namespace LambdaRegistrator.Aws;

/// <summary>
/// The AWS clients of one process: Lambda, Tagging and SSM sharing one connection pool, one set of lazily
/// resolved credentials and one set of quota buckets. Create once at start-up and reuse for every invocation.
/// </summary>
public sealed class AwsClients : IDisposable
{
    private readonly AwsTransport _transport;
    private readonly StsClient _sts;
    private readonly TimeProvider _time;

    private AwsClients(
        AwsEndpoints endpoints, AwsTransport transport, StsClient sts, TimeProvider time, ILambdaApi lambda, ITaggingApi tagging, IParameterStore parameterStore)
    {
        Endpoints = endpoints;
        _transport = transport;
        _sts = sts;
        _time = time;
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
        var credentials = new AwsCredentialSource(environment, options.Credentials, options.TimeProvider);
        var transport = new AwsTransport(credentials, endpoints.Region, options);
        var sts = new StsClient(transport, endpoints.Sts);
        credentials.Sts = sts;
        var limits = options.RateLimits;
        var time = options.TimeProvider;
        return new AwsClients(
            endpoints,
            transport,
            sts,
            time,
            new LambdaApi(transport, endpoints.Lambda, Bucket(limits.GetFunction, time), Bucket(limits.LambdaControlPlane, time)),
            new TaggingApi(transport, endpoints.Tagging, Bucket(limits.Tagging, time)),
            new ParameterStore(transport, endpoints.Ssm, Bucket(limits.Ssm, time)));
    }

    /// <summary>
    /// Credentials of <paramref name="role"/>, assumed with these clients' own credentials (sts:AssumeRole at the STS
    /// endpoint, AWS_ENDPOINT_URL_STS honoured), cached and refreshed before expiry on the clients' clock. Pass them as
    /// <see cref="AwsClientOptions.Credentials"/> to clients that act in the role's account. Nothing is called until
    /// the first signed request; failures are <see cref="AwsCredentialsException"/>s that name the role.
    /// </summary>
    public AssumedRoleCredentials AssumeRole(AssumeRoleSettings role) => AssumedRoleCredentials.ForRole(_sts, null, role, _time);

    /// <summary>The account of these clients' credentials, from sts:GetCallerIdentity (which needs no permission).</summary>
    /// <exception cref="AwsConfigurationException">No credentials were found.</exception>
    /// <exception cref="AwsServiceException">STS answered with an error or could not be reached.</exception>
    public async Task<string> GetCallerAccountAsync(CancellationToken cancellationToken) =>
        (await _sts.GetCallerIdentityAsync(null, cancellationToken).ConfigureAwait(false)).Account;

    /// <inheritdoc/>
    public void Dispose() => _transport.Dispose();

    private static TokenBucket? Bucket(RateLimit? limit, TimeProvider time) => limit is null ? null : new TokenBucket(limit, time);
}
