using System.Diagnostics.CodeAnalysis;

namespace LambdaRegistrator.Core.Tags;

/// <summary>
/// A Lambda function identity as AWS accepts it for FunctionName: a full ARN
/// (<c>arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]</c>), a partial ARN
/// (<c>123456789012:function:name[:qualifier]</c>) or a name (<c>name[:qualifier]</c>). Strictly validated; equality is ordinal.
/// </summary>
public sealed record LambdaArn
{
    private LambdaArn(string? partition, string? region, string? accountId, string functionName, string? qualifier)
    {
        Partition = partition;
        Region = region;
        AccountId = accountId;
        FunctionName = functionName;
        Qualifier = qualifier;
    }

    /// <summary>ARN partition (<c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, <c>aws-iso-b</c>, ...: see <see cref="AwsPartitions"/>); null unless this is a full ARN.</summary>
    public string? Partition { get; }

    /// <summary>Region; null unless this is a full ARN.</summary>
    public string? Region { get; }

    /// <summary>12-digit account id; null for a bare name.</summary>
    public string? AccountId { get; }

    /// <summary>The function name.</summary>
    public string FunctionName { get; }

    /// <summary>Version, <c>$LATEST</c> or alias; null when unqualified.</summary>
    public string? Qualifier { get; }

    /// <summary>True when partition, region and account are all known.</summary>
    public bool IsFullArn => Partition is not null;

    /// <summary>The same function without a qualifier.</summary>
    public LambdaArn Unqualified => Qualifier is null ? this : new LambdaArn(Partition, Region, AccountId, FunctionName, null);

    /// <summary>Builds a full unqualified function ARN from validated parts.</summary>
    /// <exception cref="ArgumentException">A part is not valid.</exception>
    public static LambdaArn Create(string region, string accountId, string functionName)
    {
        if (!LambdaNames.IsValidRegion(region))
        {
            throw new ArgumentException($"\"{region}\" is not an AWS region name such as us-east-1.", nameof(region));
        }

        if (!LambdaNames.IsValidAccountId(accountId))
        {
            throw new ArgumentException($"\"{accountId}\" is not a 12-digit AWS account id.", nameof(accountId));
        }

        if (!LambdaNames.IsValidFunctionName(functionName))
        {
            throw new ArgumentException($"\"{functionName}\" is not a Lambda function name (1-64 of a-z, A-Z, 0-9, '-', '_').", nameof(functionName));
        }

        return new LambdaArn(LambdaNames.PartitionForRegion(region), region, accountId, functionName, null);
    }

    /// <summary>This function with the given qualifier (an alias, version or <c>$LATEST</c>).</summary>
    /// <exception cref="ArgumentException">The qualifier is not valid.</exception>
    public LambdaArn WithQualifier(string qualifier)
    {
        if (!LambdaNames.IsValidQualifier(qualifier))
        {
            throw new ArgumentException($"\"{qualifier}\" is not a Lambda qualifier ($LATEST, a version number or an alias name).", nameof(qualifier));
        }

        return new LambdaArn(Partition, Region, AccountId, FunctionName, qualifier);
    }

    /// <summary>
    /// Completes a name or partial ARN into a full ARN using the given account and region. A partial ARN of another
    /// account, or a full ARN, is returned unchanged.
    /// </summary>
    public LambdaArn Complete(string accountId, string region)
    {
        if (IsFullArn || !LambdaNames.IsValidAccountId(accountId) || !LambdaNames.IsValidRegion(region))
        {
            return this;
        }

        if (AccountId is not null && !string.Equals(AccountId, accountId, StringComparison.Ordinal))
        {
            return this;
        }

        return new LambdaArn(LambdaNames.PartitionForRegion(region), region, accountId, FunctionName, Qualifier);
    }

    /// <summary>True when both name the same function: equal names, and equal account/region/partition wherever both know them.</summary>
    public bool SameFunctionAs(LambdaArn other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return string.Equals(FunctionName, other.FunctionName, StringComparison.Ordinal)
            && Compatible(AccountId, other.AccountId)
            && Compatible(Region, other.Region)
            && Compatible(Partition, other.Partition);

        static bool Compatible(string? a, string? b) => a is null || b is null || string.Equals(a, b, StringComparison.Ordinal);
    }

    /// <summary>Parses a name, partial ARN or full ARN; throws <see cref="FormatException"/> with the reason when invalid.</summary>
    public static LambdaArn Parse(string value)
    {
        if (!TryParse(value, out var arn, out var error))
        {
            throw new FormatException(error);
        }

        return arn;
    }

    /// <summary>Parses a name, partial ARN or full ARN; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out LambdaArn? arn, out string error)
    {
        arn = null;
        if (string.IsNullOrEmpty(value))
        {
            error = "the function identifier is empty; expected a function name, a partial ARN (123456789012:function:name) or a function ARN";
            return false;
        }

        if (value.Length > 256)
        {
            error = $"the function identifier is {value.Length} characters long; AWS accepts at most 256";
            return false;
        }

        var parts = value.Split(':');
        string? partition = null, region = null, account = null, name, qualifier = null;
        if (parts[0] == "arn")
        {
            // arn:partition:lambda:region:account:function:name[:qualifier]
            if (parts.Length is < 7 or > 8 || parts[2] != "lambda" || parts[5] != "function")
            {
                error = $"\"{value}\" is not a Lambda function ARN; expected arn:<partition>:lambda:<region>:<account>:function:<name>[:<qualifier>]";
                return false;
            }

            partition = parts[1];
            region = parts[3];
            account = parts[4];
            name = parts[6];
            qualifier = parts.Length == 8 ? parts[7] : null;
            if (!AwsPartitions.TryMatch(partition, region, out var partitionError))
            {
                error = $"\"{value}\" {partitionError}";
                return false;
            }
        }
        else if (parts.Length >= 3 && parts[1] == "function")
        {
            // account:function:name[:qualifier]
            if (parts.Length > 4)
            {
                error = $"\"{value}\" is not a partial function ARN; expected <account>:function:<name>[:<qualifier>]";
                return false;
            }

            account = parts[0];
            name = parts[2];
            qualifier = parts.Length == 4 ? parts[3] : null;
        }
        else
        {
            // name[:qualifier]
            if (parts.Length > 2)
            {
                error = $"\"{value}\" is neither a function name, a partial ARN nor a function ARN";
                return false;
            }

            name = parts[0];
            qualifier = parts.Length == 2 ? parts[1] : null;
        }

        if (account is not null && !LambdaNames.IsValidAccountId(account))
        {
            error = $"\"{value}\" has account \"{account}\"; expected 12 digits";
            return false;
        }

        if (!LambdaNames.IsValidFunctionName(name))
        {
            error = $"\"{value}\" has function name \"{name}\"; expected 1 to 64 characters from a-z, A-Z, 0-9, '-' and '_'";
            return false;
        }

        if (qualifier is not null && !LambdaNames.IsValidQualifier(qualifier))
        {
            error = $"\"{value}\" has qualifier \"{qualifier}\"; expected $LATEST, a version number or an alias name";
            return false;
        }

        arn = new LambdaArn(partition, region, account, name, qualifier);
        error = string.Empty;
        return true;
    }

    /// <summary>The canonical text: full ARN, partial ARN or name, with <c>:qualifier</c> when qualified.</summary>
    public override string ToString()
    {
        var suffix = Qualifier is null ? string.Empty : ":" + Qualifier;
        if (IsFullArn)
        {
            return $"arn:{Partition}:lambda:{Region}:{AccountId}:function:{FunctionName}{suffix}";
        }

        return AccountId is null ? FunctionName + suffix : $"{AccountId}:function:{FunctionName}{suffix}";
    }
}
