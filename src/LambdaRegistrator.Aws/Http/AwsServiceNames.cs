namespace LambdaRegistrator.Aws.Http;

/// <summary>Service names as AWS writes them in errors and the signing names they sign with.</summary>
internal static class AwsServiceNames
{
    public const string Lambda = "Lambda";
    public const string Tagging = "ResourceGroupsTaggingAPI";
    public const string Ssm = "SSM";
    public const string Sts = "STS";

    public const string LambdaSigningName = "lambda";
    public const string TaggingSigningName = "tagging";
    public const string SsmSigningName = "ssm";
    public const string StsSigningName = "sts";
}
