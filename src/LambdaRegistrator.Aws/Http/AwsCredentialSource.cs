using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace LambdaRegistrator.Aws.Http;

/// <summary>Resolves AWS credentials once, on first use, and keeps them (refreshing providers refresh themselves).</summary>
internal sealed class AwsCredentialSource : IDisposable
{
    private const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";
    private const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
    private const string SessionTokenVariable = "AWS_SESSION_TOKEN";

    private readonly Func<string, string?> _environment;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;

    public AwsCredentialSource(Func<string, string?> environment, AWSCredentials? explicitCredentials)
    {
        _environment = environment;
        _credentials = explicitCredentials;
    }

    /// <summary>Returns the credentials, resolving them on the first call.</summary>
    /// <exception cref="AwsConfigurationException">No provider in the chain has credentials.</exception>
    public async ValueTask<AWSCredentials> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _credentials) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_credentials is null)
            {
                var resolved = await ResolveAsync().ConfigureAwait(false);
                Volatile.Write(ref _credentials, resolved);
            }

            return _credentials!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<AWSCredentials> ResolveAsync()
    {
        var accessKeyId = NonEmpty(_environment(AccessKeyIdVariable));
        var secretAccessKey = NonEmpty(_environment(SecretAccessKeyVariable));
        if (accessKeyId is not null && secretAccessKey is not null)
        {
            var sessionToken = NonEmpty(_environment(SessionTokenVariable));
            return sessionToken is null
                ? new BasicAWSCredentials(accessKeyId, secretAccessKey)
                : new SessionAWSCredentials(accessKeyId, secretAccessKey, sessionToken);
        }

        if ((accessKeyId is null) != (secretAccessKey is null))
        {
            var missing = accessKeyId is null ? AccessKeyIdVariable : SecretAccessKeyVariable;
            throw new AwsConfigurationException(
                $"AWS credentials are incomplete: {missing} is not set. Set both {AccessKeyIdVariable} and {SecretAccessKeyVariable} "
                + $"(and {SessionTokenVariable} for temporary credentials), or unset both to use a profile or role.");
        }

        try
        {
            var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
            // Why: the chain returns lazily-refreshing providers; fetching once here turns "no role" into a setup error
            // with advice instead of a failure deep inside the first signed call.
            _ = await credentials.GetCredentialsAsync().ConfigureAwait(false);
            return credentials;
        }
        catch (AmazonClientException exception)
        {
            throw new AwsConfigurationException(
                $"No AWS credentials were found: set {AccessKeyIdVariable} and {SecretAccessKeyVariable} (and {SessionTokenVariable}), "
                + "or AWS_PROFILE, or run with an IAM role (Lambda execution role, ECS task role, EC2 instance profile). "
                + $"The AWS SDK said: {exception.Message}",
                exception);
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
