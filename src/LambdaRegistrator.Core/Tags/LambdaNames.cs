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

    /// <summary>True for a region name such as <c>us-east-1</c>, <c>cn-north-1</c> or <c>us-gov-west-1</c>.</summary>
    public static bool IsValidRegion(string? region) => region is not null && RegionRegex().IsMatch(region);

    /// <summary>The ARN partition for a region: <c>aws-cn</c> for cn-*, <c>aws-us-gov</c> for us-gov-*, otherwise <c>aws</c>.</summary>
    public static string PartitionForRegion(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region.StartsWith("cn-", StringComparison.Ordinal))
        {
            return "aws-cn";
        }

        return region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";
    }

    [GeneratedRegex("^[a-zA-Z0-9_-]{1,64}$")]
    private static partial Regex FunctionNameRegex();

    [GeneratedRegex("^(?![0-9]+$)[a-zA-Z0-9_-]{1,128}$")]
    private static partial Regex AliasNameRegex();

    [GeneratedRegex(@"^(\$LATEST|[a-zA-Z0-9_-]{1,128})$")]
    private static partial Regex QualifierRegex();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountRegex();

    [GeneratedRegex(@"^[a-z]{2}(-gov)?-[a-z]+-\d$")]
    private static partial Regex RegionRegex();
}
