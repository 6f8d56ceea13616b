using System.Text.RegularExpressions;

namespace LambdaRegistrator.Core.Tags;

/// <summary>AWS's validation rules for Lambda function names, alias names, qualifiers, accounts and regions.</summary>
public static partial class LambdaNames
{
    /// <summary>Longest function name AWS accepts.</summary>
    public const int MaxFunctionNameLength = 64;

    /// <summary>Longest alias name AWS accepts.</summary>
    public const int MaxAliasNameLength = 128;

    /// <summary>True for a bare function name: 1 to 64 of <c>[a-zA-Z0-9-_]</c>.</summary>
    public static bool IsValidFunctionName(string? name) => name is not null && FunctionNameRegex().IsMatch(name);

    /// <summary>True for an alias name AWS accepts: <c>(?!^[0-9]+$)([a-zA-Z0-9-_]+)</c>, 1 to 128 characters.</summary>
    public static bool IsValidAliasName(string? name) => name is not null && AliasNameRegex().IsMatch(name);

    /// <summary>True for a qualifier: <c>$LATEST</c>, a version number or an alias name.</summary>
    public static bool IsValidQualifier(string? qualifier) => qualifier is not null && QualifierRegex().IsMatch(qualifier);

    /// <summary>True for a 12-digit AWS account id.</summary>
    public static bool IsValidAccountId(string? accountId) => accountId is not null && AccountRegex().IsMatch(accountId);

    /// <summary>
    /// True for a region name of any AWS partition: <c>us-east-1</c>, <c>cn-north-1</c>, <c>us-gov-west-1</c>,
    /// <c>us-iso-east-1</c>, <c>us-isob-east-1</c>, <c>eu-isoe-west-1</c>, <c>us-isof-south-1</c>, <c>eusc-de-east-1</c>.
    /// </summary>
    public static bool IsValidRegion(string? region) => AwsPartitions.TryGetByRegion(region, out _);

    /// <summary>
    /// The ARN partition of a region (see <see cref="AwsPartitions"/>): <c>aws-cn</c> for cn-*, <c>aws-iso-b</c> for
    /// us-isob-*, ...; <c>aws</c> for text that is not a region name, as the AWS SDKs do.
    /// </summary>
    public static string PartitionForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return AwsPartitions.TryGetByRegion(region, out var partition) ? partition.Name : AwsPartitions.Aws.Name;
    }

    /// <summary>
    /// The DNS suffix of the endpoints of a region's partition (see <see cref="AwsPartitions"/>): <c>amazonaws.com</c>,
    /// <c>amazonaws.com.cn</c> for cn-*, <c>sc2s.sgov.gov</c> for us-isob-*, ...; <c>amazonaws.com</c> for text that is not
    /// a region name.
    /// </summary>
    public static string DnsSuffixForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return (AwsPartitions.TryGetByRegion(region, out var partition) ? partition : AwsPartitions.Aws).DnsSuffix;
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex FunctionNameRegex();

    [GeneratedRegex("^(?![0-9]+$)[a-zA-Z0-9_-]{1,128}$")]
    private static partial Regex AliasNameRegex();

    [GeneratedRegex(@"^(\$LATEST|[a-zA-Z0-9_-]{1,128})$")]
    private static partial Regex QualifierRegex();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountRegex();
}
