namespace LambdaRegistrator.Aws;

/// <summary>A role to assume with sts:AssumeRole (see <see cref="AwsClients.AssumeRole"/>).</summary>
/// <param name="RoleArn">The role, e.g. <c>arn:aws:iam::111122223333:role/lambda-registrator-source</c>.</param>
public sealed record AssumeRoleSettings(string RoleArn)
{
    /// <summary>The session name the registrator uses unless told otherwise (it shows in the member account's CloudTrail).</summary>
    public const string DefaultSessionName = "lambda-registrator";

    /// <summary>The external id the role's trust policy requires, or null.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The role session name (2 to 64 of <c>[\w+=,.@-]</c>).</summary>
    public string SessionName { get; init; } = DefaultSessionName;
}
