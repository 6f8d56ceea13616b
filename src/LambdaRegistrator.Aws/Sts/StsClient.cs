using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Sts;

/// <summary>
/// The three STS calls the registrator makes (Query protocol, version 2011-06-15): GetCallerIdentity (needs no
/// permission; how the account is learned), AssumeRole and AssumeRoleWithWebIdentity (unsigned: the token is the proof).
/// </summary>
/// <remarks>Why our own client and not AWSSDK.SecurityToken: the SDK creates its STS client by reflection, which the
/// trimmed function cannot keep; this one signs and retries like every other call and honours AWS_ENDPOINT_URL_STS.</remarks>
internal sealed class StsClient(AwsTransport transport, Uri endpoint)
{
    private const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    /// <summary>The account, ARN and user id of <paramref name="credentials"/> (null: the transport's own).</summary>
    public async Task<CallerIdentity> GetCallerIdentityAsync(AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        var result = await CallAsync("GetCallerIdentity", [], credentials, anonymous: false, cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(Value(result, "Account"), Value(result, "Arn"), Value(result, "UserId"));
    }

    /// <summary>sts:AssumeRole, signed with <paramref name="credentials"/> (null: the transport's own).</summary>
    public async Task<TemporaryCredentials> AssumeRoleAsync(
        AWSCredentials? credentials, string roleArn, string sessionName, string? externalId, CancellationToken cancellationToken)
    {
        List<(string, string)> parameters = [("RoleArn", roleArn), ("RoleSessionName", sessionName)];
        if (externalId is not null)
        {
            parameters.Add(("ExternalId", externalId));
        }

        return Temporary(await CallAsync("AssumeRole", parameters, credentials, anonymous: false, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>sts:AssumeRoleWithWebIdentity with an OIDC token (unsigned).</summary>
    public async Task<TemporaryCredentials> AssumeRoleWithWebIdentityAsync(string roleArn, string sessionName, string token, CancellationToken cancellationToken) =>
        Temporary(await CallAsync(
            "AssumeRoleWithWebIdentity", [("RoleArn", roleArn), ("RoleSessionName", sessionName), ("WebIdentityToken", token)], null, anonymous: true, cancellationToken)
            .ConfigureAwait(false));

    private async Task<XElement> CallAsync(
        string action, IReadOnlyList<(string Name, string Value)> parameters, AWSCredentials? credentials, bool anonymous, CancellationToken cancellationToken)
    {
        var body = new StringBuilder($"Action={action}&Version=2011-06-15");
        foreach (var (name, value) in parameters)
        {
            body.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        var request = new AwsRequest(
            AwsServiceNames.Sts, AwsServiceNames.StsSigningName, action, HttpMethod.Post, new Uri(endpoint, "/"),
            Encoding.UTF8.GetBytes(body.ToString()), ContentType, Credentials: credentials, Anonymous: anonymous);
        var response = await transport.SendAsync(request, cancellationToken).ConfigureAwait(false);
        try
        {
            using var stream = new MemoryStream(response.Body);
            var document = XDocument.Load(stream);
            return document.Root?.Elements().FirstOrDefault(e => e.Name.LocalName == $"{action}Result")
                ?? throw Malformed(action, $"no {action}Result element");
        }
        catch (XmlException exception)
        {
            throw Malformed(action, exception.Message);
        }
    }

    private static TemporaryCredentials Temporary(XElement result)
    {
        var credentials = result.Elements().FirstOrDefault(e => e.Name.LocalName == "Credentials")
            ?? throw Malformed(result.Name.LocalName, "no Credentials element");
        var expiration = Value(credentials, "Expiration");
        return new TemporaryCredentials(
            new ImmutableCredentials(Value(credentials, "AccessKeyId"), Value(credentials, "SecretAccessKey"), Value(credentials, "SessionToken")),
            DateTimeOffset.Parse(expiration, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal));
    }

    private static string Value(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } value
            ? value
            : throw Malformed(parent.Name.LocalName, $"no {name}");

    private static AwsServiceException Malformed(string action, string detail) =>
        new($"STS {action} answered a response that could not be read ({detail}); check AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL if set.");
}

/// <summary>What sts:GetCallerIdentity says about the caller.</summary>
internal sealed record CallerIdentity(string Account, string Arn, string UserId);

/// <summary>Temporary credentials and when they expire.</summary>
internal sealed record TemporaryCredentials(ImmutableCredentials Credentials, DateTimeOffset Expiration);
