using Amazon.Runtime;
using LambdaRegistrator.Aws.Http;
using LambdaRegistrator.Aws.Sts;

namespace LambdaRegistrator.Aws;

/// <summary>
/// Temporary credentials of an assumed IAM role (sts:AssumeRole, or sts:AssumeRoleWithWebIdentity for a web identity
/// token), cached for the life of the process and refreshed <see cref="RefreshBefore"/> before they expire, on the
/// injected clock. Concurrent callers share one STS call. If a refresh fails while the cached credentials are still
/// valid they are used; otherwise the failure is an <see cref="AwsCredentialsException"/> that names the role.
/// </summary>
/// <remarks>
/// Usage, one per source: <c>var credentials = home.AssumeRole(new AssumeRoleSettings(roleArn) { ExternalId = id });</c>
/// then <c>AwsClients.Create(environment, options with { Credentials = credentials })</c>. The clients sign every call
/// with it; nothing is called until the first signed request.
/// </remarks>
public sealed class AssumedRoleCredentials : AWSCredentials
{
    /// <summary>How long before expiry the credentials are replaced (the AWS SDKs refresh 5 to 15 minutes early).</summary>
    public static readonly TimeSpan RefreshBefore = TimeSpan.FromMinutes(5);

    private readonly Func<CancellationToken, Task<TemporaryCredentials>> _fetch;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private TemporaryCredentials? _current;
    private Task<TemporaryCredentials>? _refreshing;

    private AssumedRoleCredentials(string roleArn, Func<CancellationToken, Task<TemporaryCredentials>> fetch, TimeProvider time)
    {
        RoleArn = roleArn;
        _fetch = fetch;
        _time = time;
    }

    /// <summary>The role these credentials belong to.</summary>
    public string RoleArn { get; }

    /// <summary>When the cached credentials expire; null before the first call.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_lock)
            {
                return _current?.Expiration;
            }
        }
    }

    /// <inheritdoc/>
    public override ImmutableCredentials GetCredentials() => GetCredentialsAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override Task<ImmutableCredentials> GetCredentialsAsync() => GetCredentialsAsync(CancellationToken.None);

    /// <summary>The cached credentials, assuming the role first when there are none or they are about to expire.</summary>
    /// <param name="cancellationToken">Stops waiting; an STS call already started finishes for the next caller.</param>
    /// <exception cref="AwsCredentialsException">The role could not be assumed and no valid credentials are cached.</exception>
    public async Task<ImmutableCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
    {
        Task<TemporaryCredentials> refresh;
        TemporaryCredentials? stale;
        lock (_lock)
        {
            stale = _current;
            if (Fresh(stale) is { } fresh)
            {
                return fresh;
            }

            // Why Task.Run: RefreshAsync clears _refreshing when it ends, which must happen after it was set here.
            refresh = _refreshing ??= Task.Run(RefreshAsync, CancellationToken.None);
        }

        try
        {
            return (await refresh.WaitAsync(cancellationToken).ConfigureAwait(false)).Credentials;
        }
        catch (AwsCredentialsException) when (stale is not null && _time.GetUtcNow() < stale.Expiration)
        {
            // Why: a failed early refresh must not fail calls that the cached credentials can still sign.
            return stale.Credentials;
        }
    }

    private async Task<TemporaryCredentials> RefreshAsync()
    {
        try
        {
            var next = await _fetch(CancellationToken.None).ConfigureAwait(false);
            lock (_lock)
            {
                _current = next;
            }

            return next;
        }
        finally
        {
            lock (_lock)
            {
                _refreshing = null;
            }
        }
    }

    internal static AssumedRoleCredentials ForRole(StsClient sts, AWSCredentials? source, AssumeRoleSettings role, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(role);
        return new AssumedRoleCredentials(role.RoleArn, async cancellationToken =>
        {
            try
            {
                return await sts.AssumeRoleAsync(source, role.RoleArn, role.SessionName, role.ExternalId, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException exception) when (exception.IsAccessDenied)
            {
                throw new AwsCredentialsException(
                    $"sts:AssumeRole on {role.RoleArn} was denied ({exception.ErrorCode}). Allow sts:AssumeRole on that role to the registrator's "
                    + "identity, and make the role's trust policy trust that identity"
                    + (role.ExternalId is null ? "." : " with the configured external id."),
                    role.RoleArn,
                    exception);
            }
            catch (AwsServiceException exception)
            {
                throw new AwsCredentialsException($"sts:AssumeRole on {role.RoleArn} failed: {exception.Message}", role.RoleArn, exception);
            }
        }, time);
    }

    internal static AssumedRoleCredentials ForWebIdentity(
        StsClient sts, string roleArn, string tokenFile, string tokenFileOrigin, string sessionName, TimeProvider time) =>
        new(roleArn, async cancellationToken =>
        {
            string token;
            try
            {
                // Why: read on every refresh: the platform (EKS, CI) rotates the token file.
                token = (await File.ReadAllTextAsync(tokenFile, cancellationToken).ConfigureAwait(false)).Trim();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw new AwsCredentialsException(
                    $"The web identity token file {tokenFile} ({tokenFileOrigin}) cannot be read: {exception.Message}. "
                    + "Fix the path or make the file readable.",
                    roleArn,
                    exception);
            }

            try
            {
                return await sts.AssumeRoleWithWebIdentityAsync(roleArn, sessionName, token, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException exception)
            {
                throw new AwsCredentialsException(
                    $"sts:AssumeRoleWithWebIdentity on {roleArn} (token from {tokenFileOrigin}) failed: {exception.Message} "
                    + "The role's trust policy must trust the token's OIDC provider and audience.",
                    roleArn,
                    exception);
            }
        }, time);

    private ImmutableCredentials? Fresh(TemporaryCredentials? current) =>
        current is not null && _time.GetUtcNow() < current.Expiration - RefreshBefore ? current.Credentials : null;
}
