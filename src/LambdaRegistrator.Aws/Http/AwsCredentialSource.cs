using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using LambdaRegistrator.Aws.Credentials;
using LambdaRegistrator.Aws.Sts;

namespace LambdaRegistrator.Aws.Http;

/// <summary>
/// Finds the registrator's own AWS credentials once, on first use, in the order the AWS SDKs search, reading every
/// setting through the environment function (so the CLI's flags apply): AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
/// (+ AWS_SESSION_TOKEN); web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN); the shared config and credentials
/// profile AWS_PROFILE (or <c>default</c>) with static keys, <c>role_arn</c> + <c>source_profile</c> /
/// <c>credential_source</c> / <c>web_identity_token_file</c>, <c>credential_process</c> or SSO (<c>sso_session</c>);
/// then the container credentials endpoint and the EC2 instance metadata service. Roles are assumed with our own STS
/// client (so AWS_ENDPOINT_URL_STS applies and the function needs no AWSSDK.SecurityToken); <c>credential_process</c>
/// and SSO are the AWS SDK's providers (SSO needs AWSSDK.SSO and AWSSDK.SSOOIDC, which the CLI ships).
/// Every failure is an <see cref="AwsConfigurationException"/> naming the profile or variable and what to do.
/// </summary>
internal sealed class AwsCredentialSource : IDisposable
{
    public const string AccessKeyIdVariable = "AWS_ACCESS_KEY_ID";
    public const string SecretAccessKeyVariable = "AWS_SECRET_ACCESS_KEY";
    public const string SessionTokenVariable = "AWS_SESSION_TOKEN";
    public const string ProfileVariable = "AWS_PROFILE";
    public const string WebIdentityTokenFileVariable = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public const string RoleArnVariable = "AWS_ROLE_ARN";
    public const string RoleSessionNameVariable = "AWS_ROLE_SESSION_NAME";
    private const string DefaultProfile = "default";

    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AWSCredentials? _credentials;
    private string _description;

    public AwsCredentialSource(Func<string, string?> environment, AWSCredentials? explicitCredentials, TimeProvider time)
    {
        _environment = environment;
        _credentials = explicitCredentials;
        _time = time;
        _description = explicitCredentials is AssumedRoleCredentials role ? $"of role {role.RoleArn}" : "given by the host";
    }

    /// <summary>The STS client roles are assumed with; set once the transport exists.</summary>
    public StsClient? Sts { get; set; }

    /// <summary>Returns the credentials, finding (and checking) them on the first call.</summary>
    /// <exception cref="AwsConfigurationException">No source has credentials, or the one configured fails.</exception>
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
                var (resolved, description) = Find();
                _description = description;
                try
                {
                    // Why: providers are lazy; fetching once here turns "no role", "denied" or "expired SSO session" into
                    // a setup error with advice instead of a failure deep inside the first signed call.
                    _ = await ResolveAsync(resolved, description, cancellationToken).ConfigureAwait(false);
                }
                catch (AwsCredentialsException exception)
                {
                    throw new AwsConfigurationException(exception.Message, exception);
                }

                Volatile.Write(ref _credentials, resolved);
            }

            return _credentials!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The current key, secret and token of the registrator's own credentials (refreshing them if due).</summary>
    /// <exception cref="AwsConfigurationException">No credentials could be found at first use.</exception>
    /// <exception cref="AwsCredentialsException">They could not be refreshed.</exception>
    public async ValueTask<ImmutableCredentials> GetCurrentAsync(CancellationToken cancellationToken) =>
        await ResolveAsync(await GetAsync(cancellationToken).ConfigureAwait(false), _description, cancellationToken).ConfigureAwait(false);

    /// <summary>The key, secret and token of <paramref name="credentials"/>; SDK provider failures become <see cref="AwsCredentialsException"/>.</summary>
    public static async Task<ImmutableCredentials> ResolveAsync(AWSCredentials credentials, string description, CancellationToken cancellationToken)
    {
        if (credentials is AssumedRoleCredentials role)
        {
            return await role.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await credentials.GetCredentialsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AmazonClientException or AmazonServiceException or InvalidOperationException or IOException)
        {
            throw new AwsCredentialsException($"The AWS credentials {description} could not be obtained: {FirstLine(exception.Message)}", exception);
        }
    }

    public void Dispose() => _gate.Dispose();

    private (AWSCredentials Credentials, string Description) Find()
    {
        var accessKeyId = NonEmpty(_environment(AccessKeyIdVariable));
        var secretAccessKey = NonEmpty(_environment(SecretAccessKeyVariable));
        if (accessKeyId is not null && secretAccessKey is not null)
        {
            return (Static(accessKeyId, secretAccessKey, NonEmpty(_environment(SessionTokenVariable))), $"from {AccessKeyIdVariable}");
        }

        if ((accessKeyId is null) != (secretAccessKey is null))
        {
            var missing = accessKeyId is null ? AccessKeyIdVariable : SecretAccessKeyVariable;
            throw new AwsConfigurationException(
                $"AWS credentials are incomplete: {missing} is not set. Set both {AccessKeyIdVariable} and {SecretAccessKeyVariable} "
                + $"(and {SessionTokenVariable} for temporary credentials), or unset both to use a profile or role.");
        }

        var profileName = NonEmpty(_environment(ProfileVariable));
        var tokenFile = NonEmpty(_environment(WebIdentityTokenFileVariable));
        var roleArn = NonEmpty(_environment(RoleArnVariable));
        if (profileName is null && (tokenFile is not null || roleArn is not null))
        {
            if (tokenFile is null || roleArn is null)
            {
                var missing = tokenFile is null ? WebIdentityTokenFileVariable : RoleArnVariable;
                throw new AwsConfigurationException(
                    $"Web identity credentials are incomplete: {missing} is not set. Set both {WebIdentityTokenFileVariable} and {RoleArnVariable}, or unset both.");
            }

            var sessionName = NonEmpty(_environment(RoleSessionNameVariable)) ?? AssumeRoleSettings.DefaultSessionName;
            return (AssumedRoleCredentials.ForWebIdentity(RequireSts(), roleArn, tokenFile, WebIdentityTokenFileVariable, sessionName, _time),
                $"of role {roleArn} (web identity from {WebIdentityTokenFileVariable})");
        }

        var files = SharedConfigFiles.Load(_environment);
        if (profileName is not null)
        {
            return (FromProfile(files, profileName, [], $"{ProfileVariable}={profileName}"), $"of AWS profile '{profileName}'");
        }

        if (files.Profile(DefaultProfile) is not null)
        {
            return (FromProfile(files, DefaultProfile, [], "the default profile"), $"of AWS profile '{DefaultProfile}'");
        }

        return FromHost();
    }

    // The container credentials endpoint (ECS, EKS Pod Identity) or the instance metadata service (EC2).
    private (AWSCredentials, string) FromHost()
    {
        if (NonEmpty(_environment("AWS_CONTAINER_CREDENTIALS_FULL_URI")) is not null || NonEmpty(_environment("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")) is not null)
        {
            return (new GenericContainerCredentials(), "from the container credentials endpoint (AWS_CONTAINER_CREDENTIALS_*)");
        }

        if (!string.Equals(NonEmpty(_environment("AWS_EC2_METADATA_DISABLED")), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (new InstanceProfileAWSCredentials(), "from the EC2 instance metadata service");
        }

        throw new AwsConfigurationException(NoCredentialsMessage);
    }

    private static string NoCredentialsMessage =>
        $"No AWS credentials were found: set {AccessKeyIdVariable} and {SecretAccessKeyVariable} (and {SessionTokenVariable}), "
        + $"or {ProfileVariable} (the CLI's --profile) to a profile of the AWS config file, or {WebIdentityTokenFileVariable} and {RoleArnVariable}, "
        + "or run with an IAM role (Lambda execution role, ECS task role, EC2 instance profile).";

    private AWSCredentials FromProfile(SharedConfigFiles files, string name, HashSet<string> visiting, string origin)
    {
        var profile = files.Profile(name) ?? throw new AwsConfigurationException(
            $"The AWS profile '{name}' ({origin}) is in neither {files.ConfigPath} nor {files.CredentialsPath}: "
            + $"create it (aws configure --profile {name}), fix the name, or point {SharedConfigFiles.ConfigFileVariable} at the right file.");
        if (!visiting.Add(name))
        {
            throw new AwsConfigurationException(
                $"The AWS profile '{name}' is its own source_profile through {string.Join(" -> ", visiting)}: break the loop in {files.ConfigPath}.");
        }

        string? Get(string key) => profile.TryGetValue(key, out var value) && value.Length > 0 ? value : null;
        AwsConfigurationException Invalid(string problem) => new($"The AWS profile '{name}' in {files.ConfigPath}: {problem}");

        if (Get("role_arn") is { } roleArn)
        {
            if (Get("mfa_serial") is not null)
            {
                throw Invalid("it needs an MFA code (mfa_serial), which the registrator cannot ask for; get session credentials first "
                    + "(aws sts get-session-token) or use a profile without mfa_serial.");
            }

            var sessionName = Get("role_session_name") ?? AssumeRoleSettings.DefaultSessionName;
            if (Get("web_identity_token_file") is { } profileTokenFile)
            {
                return AssumedRoleCredentials.ForWebIdentity(RequireSts(), roleArn, profileTokenFile, $"web_identity_token_file of profile '{name}'", sessionName, _time);
            }

            AWSCredentials source;
            if (Get("source_profile") is { } sourceProfile)
            {
                source = sourceProfile == name && Get("aws_access_key_id") is not null
                    ? StaticFromProfile(profile, name, files)
                    : FromProfile(files, sourceProfile, visiting, $"source_profile of profile '{name}'");
            }
            else if (Get("credential_source") is { } credentialSource)
            {
                source = credentialSource switch
                {
                    "Environment" => NonEmpty(_environment(AccessKeyIdVariable)) is { } key && NonEmpty(_environment(SecretAccessKeyVariable)) is { } secret
                        ? Static(key, secret, NonEmpty(_environment(SessionTokenVariable)))
                        : throw Invalid($"credential_source = Environment, but {AccessKeyIdVariable} and {SecretAccessKeyVariable} are not both set."),
                    "Ec2InstanceMetadata" => new InstanceProfileAWSCredentials(),
                    "EcsContainer" => new GenericContainerCredentials(),
                    _ => throw Invalid($"credential_source is '{credentialSource}'; allowed: Environment, Ec2InstanceMetadata, EcsContainer."),
                };
            }
            else
            {
                throw Invalid("it has role_arn but none of source_profile, credential_source or web_identity_token_file: add one of them.");
            }

            var role = new AssumeRoleSettings(roleArn) { ExternalId = Get("external_id"), SessionName = sessionName };
            return AssumedRoleCredentials.ForRole(RequireSts(), source, role, _time);
        }

        if (Get("aws_access_key_id") is not null || Get("aws_secret_access_key") is not null)
        {
            return StaticFromProfile(profile, name, files);
        }

        if (Get("credential_process") is { } process)
        {
            return Sdk(name, new CredentialProfileOptions { CredentialProcess = process }, files);
        }

        if (Get("sso_session") is { } ssoSession)
        {
            var session = files.SsoSession(ssoSession) ?? throw Invalid($"sso_session = {ssoSession}, but there is no [sso-session {ssoSession}] section.");
            return Sdk(name, new CredentialProfileOptions
            {
                SsoSession = ssoSession,
                SsoStartUrl = session.GetValueOrDefault("sso_start_url"),
                SsoRegion = session.GetValueOrDefault("sso_region"),
                SsoRegistrationScopes = session.GetValueOrDefault("sso_registration_scopes"),
                SsoAccountId = Get("sso_account_id"),
                SsoRoleName = Get("sso_role_name"),
            }, files);
        }

        if (Get("sso_start_url") is { } startUrl)
        {
            return Sdk(name, new CredentialProfileOptions
            {
                SsoStartUrl = startUrl,
                SsoRegion = Get("sso_region"),
                SsoAccountId = Get("sso_account_id"),
                SsoRoleName = Get("sso_role_name"),
            }, files);
        }

        throw Invalid("it has no credentials: add aws_access_key_id/aws_secret_access_key, role_arn with source_profile, "
            + "credential_process or sso_session (then run aws sso login).");
    }

    private static AWSCredentials StaticFromProfile(IReadOnlyDictionary<string, string> profile, string name, SharedConfigFiles files)
    {
        var key = profile.GetValueOrDefault("aws_access_key_id");
        var secret = profile.GetValueOrDefault("aws_secret_access_key");
        if (string.IsNullOrEmpty(key) || string.IsNullOrEmpty(secret))
        {
            throw new AwsConfigurationException(
                $"The AWS profile '{name}' in {files.CredentialsPath} has only one of aws_access_key_id and aws_secret_access_key: set both.");
        }

        return Static(key, secret, profile.GetValueOrDefault("aws_session_token") is { Length: > 0 } token ? token : null);
    }

    private static AWSCredentials Sdk(string name, CredentialProfileOptions options, SharedConfigFiles files)
    {
        try
        {
            return AWSCredentialsFactory.GetAWSCredentials(new CredentialProfile(name, options), NoProfiles.Instance, true);
        }
        catch (Exception exception) when (exception is AmazonClientException or InvalidOperationException or ArgumentException)
        {
            var what = options.CredentialProcess is not null ? "its credential_process" : "its SSO settings (run aws sso login --profile " + name + ")";
            throw new AwsConfigurationException(
                $"The AWS profile '{name}' in {files.ConfigPath}: {what} cannot be used: {FirstLine(exception.Message)}", exception);
        }
    }

    private StsClient RequireSts() => Sts ?? throw new InvalidOperationException("The STS client is set when the transport is created.");

    private static AWSCredentials Static(string key, string secret, string? token) =>
        token is null ? new BasicAWSCredentials(key, secret) : new SessionAWSCredentials(key, secret, token);

    private static string FirstLine(string message)
    {
        var newline = message.IndexOfAny(['\r', '\n']);
        return newline < 0 ? message : message[..newline];
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>No profile lookups for the SDK's providers: source profiles are resolved by <see cref="AwsCredentialSource"/>.</summary>
    private sealed class NoProfiles : ICredentialProfileSource
    {
        public static readonly NoProfiles Instance = new();

        public bool TryGetProfile(string profileName, out CredentialProfile profile)
        {
            profile = null!;
            return false;
        }
    }
}
