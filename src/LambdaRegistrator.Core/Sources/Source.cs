using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Sources;

/// <summary>
/// Where a sync's functions come from: one AWS account (when known) and region, how to reach it (the registrator's own
/// credentials, or a role to assume), which function names it registers, and the owner id under which this registrator
/// writes what it registers for them. Every sync runs for one source; the planner plans that source's functions and
/// owns only what carries the source's <see cref="RegistratorId"/>, so what one source registered is never taken over
/// or deleted by another.
/// </summary>
public sealed record Source
{
    /// <summary>Creates a source.</summary>
    /// <param name="accountId">The AWS account id; null when unknown (then functions of any account are accepted).</param>
    /// <param name="region">The AWS region; null when unknown (then functions of any region are accepted).</param>
    /// <param name="registratorId">The owner id written to Consul meta for this source's services.</param>
    public Source(string? accountId, string? region, string registratorId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(registratorId);
        AccountId = string.IsNullOrEmpty(accountId) ? null : accountId;
        Region = string.IsNullOrEmpty(region) ? null : region;
        RegistratorId = registratorId;
    }

    /// <summary>The role assumed to read this source (<c>sts:AssumeRole</c>); null for the registrator's own credentials.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The <c>sts:ExternalId</c> sent with <see cref="RoleArn"/>; null when none.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Which function names this source registers; a function it does not admit is treated as not enabled.</summary>
    public FunctionNameFilter Filter { get; init; } = FunctionNameFilter.All;

    /// <summary>The source's name in messages and on the command line: <c>&lt;account&gt;/&lt;region&gt;</c>.</summary>
    public string Name => $"{AccountId ?? "(own account)"}/{Region ?? "(own region)"}";

    /// <summary>The AWS account id, when known.</summary>
    public string? AccountId { get; }

    /// <summary>The AWS region, when known.</summary>
    public string? Region { get; }

    /// <summary>The ARN partition of <see cref="Region"/> (<c>aws</c>, <c>aws-cn</c>, ...); null when the region is unknown.</summary>
    public string? Partition => Region is null ? null : LambdaNames.PartitionForRegion(Region);

    /// <summary>The owner id this source's services carry in Consul.</summary>
    public string RegistratorId { get; }

    /// <summary>True when <paramref name="function"/> lives in this source's partition, region and account (parts that are unknown on either side are not compared).</summary>
    public bool Contains(LambdaArn function) => Mismatch(function) is null;

    /// <summary>
    /// Why <paramref name="function"/> is not in this source, as the end of a sentence (e.g. <c>in account 999999999999;
    /// this registrator manages account 123456789012</c>); null when it is.
    /// </summary>
    public string? Mismatch(LambdaArn function) => Mismatch(AccountId, Region, function);

    /// <summary>The one home rule for functions and events: the account, region and partition of <paramref name="function"/> against the expected ones (null = not checked).</summary>
    /// <param name="accountId">The expected account; null accepts any.</param>
    /// <param name="region">The expected region (its partition is expected too); null accepts any.</param>
    /// <param name="function">The function; parts its ARN does not name are not checked.</param>
    public static string? Mismatch(string? accountId, string? region, LambdaArn function)
    {
        ArgumentNullException.ThrowIfNull(function);
        if (accountId is not null && function.AccountId is { } actualAccount && !string.Equals(actualAccount, accountId, StringComparison.Ordinal))
        {
            return $"in account {actualAccount}; this registrator manages account {accountId}";
        }

        if (region is not null && function.Region is { } actualRegion && !string.Equals(actualRegion, region, StringComparison.Ordinal))
        {
            return $"in region {actualRegion}; this registrator manages region {region}";
        }

        var partition = region is null ? null : LambdaNames.PartitionForRegion(region);
        if (partition is not null && function.Partition is { } actualPartition && !string.Equals(actualPartition, partition, StringComparison.Ordinal))
        {
            return $"in partition {actualPartition}; this registrator manages partition {partition}";
        }

        return null;
    }

    /// <summary>True when this source is <paramref name="accountId"/>/<paramref name="region"/> (an unknown account or region of the source matches any).</summary>
    public bool Is(string? accountId, string? region) =>
        (AccountId is null || accountId is null || string.Equals(AccountId, accountId, StringComparison.Ordinal))
        && (Region is null || region is null || string.Equals(Region, region, StringComparison.Ordinal));

    /// <summary>Readable form: <c>123456789012/us-east-1 (owner id ...)</c>.</summary>
    public override string ToString() => $"{Name} (owner id {RegistratorId})";
}
