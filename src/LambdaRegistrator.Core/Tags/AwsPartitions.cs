using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace LambdaRegistrator.Core.Tags;

/// <summary>
/// Every AWS partition, the regions that belong to it and the DNS suffix of its endpoints: the one table behind region
/// validation, ARN partition checks (Lambda function ARNs, SSM parameter ARNs), the partition of a name completed from a
/// region, and the default AWS endpoints.
/// </summary>
/// <remarks>
/// The region patterns follow the <c>regionRegex</c> of each partition in the AWS SDKs' partition metadata
/// (<c>partitions.json</c>), as do the DNS suffixes, with two deliberate widenings so that a region AWS opens after this release still works:
/// <c>aws</c> accepts any two-letter geography (not only today's <c>us</c>, <c>eu</c>, <c>ap</c>, ...), and
/// <c>aws-eusc</c> any two-letter country (not only <c>de</c>). The patterns are disjoint: a region belongs to at most
/// one partition, and one that none claims is not a region name.
/// </remarks>
internal static partial class AwsPartitions
{
    /// <summary>The commercial partition.</summary>
    public static readonly AwsPartition Aws = new("aws", "us-east-1", "amazonaws.com", CommercialRegion());

    /// <summary>Every partition, the commercial one first.</summary>
    public static IReadOnlyList<AwsPartition> All { get; } =
    [
        Aws,
        new("aws-cn", "cn-north-1", "amazonaws.com.cn", ChinaRegion()),
        new("aws-us-gov", "us-gov-west-1", "amazonaws.com", GovCloudRegion()),
        new("aws-iso", "us-iso-east-1", "c2s.ic.gov", IsoRegion()),
        new("aws-iso-b", "us-isob-east-1", "sc2s.sgov.gov", IsoBRegion()),
        new("aws-iso-e", "eu-isoe-west-1", "cloud.adc-e.uk", IsoERegion()),
        new("aws-iso-f", "us-isof-south-1", "csp.hci.ic.gov", IsoFRegion()),
        new("aws-eusc", "eusc-de-east-1", "amazonaws.eu", EuropeanSovereignRegion()),
    ];

    /// <summary>The partition names, for messages: <c>aws, aws-cn, ...</c>.</summary>
    public static string Names { get; } = string.Join(", ", All.Select(p => p.Name));

    /// <summary>The partition a region belongs to; false when <paramref name="region"/> is not an AWS region name.</summary>
    public static bool TryGetByRegion(string? region, [NotNullWhen(true)] out AwsPartition? partition)
    {
        partition = null;
        if (region is null)
        {
            return false;
        }

        foreach (var candidate in All)
        {
            if (candidate.Contains(region))
            {
                partition = candidate;
                return true;
            }
        }

        return false;
    }

    /// <summary>The partition with this name (<c>aws</c>, <c>aws-iso-b</c>, ...); false for any other text.</summary>
    public static bool TryGetByName(string? name, [NotNullWhen(true)] out AwsPartition? partition)
    {
        partition = All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
        return partition is not null;
    }

    /// <summary>
    /// Checks the partition and region of an ARN against each other. On failure <paramref name="error"/> says what is
    /// wrong, in words that fit after "the ARN ...".
    /// </summary>
    public static bool TryMatch(string partitionName, string region, out string error)
    {
        ArgumentNullException.ThrowIfNull(partitionName);
        ArgumentNullException.ThrowIfNull(region);
        if (!TryGetByName(partitionName, out var partition))
        {
            error = $"has partition \"{partitionName}\"; expected one of {Names}";
            return false;
        }

        if (!TryGetByRegion(region, out var home))
        {
            error = $"has region \"{region}\", which is not an AWS region name";
            return false;
        }

        if (!ReferenceEquals(partition, home))
        {
            error = $"puts region {region} in partition {partition.Name}; {region} belongs to {home.Name}";
            return false;
        }

        error = string.Empty;
        return true;
    }

    // Two letters, a word, a number: us-east-1, mx-central-1. cn- is China's partition.
    [GeneratedRegex(@"^(?!cn-)[a-z]{2}-[a-z]+-\d{1,2}$")]
    private static partial Regex CommercialRegion();

    [GeneratedRegex(@"^cn-[a-z]+-\d{1,2}$")]
    private static partial Regex ChinaRegion();

    [GeneratedRegex(@"^us-gov-[a-z]+-\d{1,2}$")]
    private static partial Regex GovCloudRegion();

    [GeneratedRegex(@"^us-iso-[a-z]+-\d{1,2}$")]
    private static partial Regex IsoRegion();

    [GeneratedRegex(@"^us-isob-[a-z]+-\d{1,2}$")]
    private static partial Regex IsoBRegion();

    [GeneratedRegex(@"^eu-isoe-[a-z]+-\d{1,2}$")]
    private static partial Regex IsoERegion();

    [GeneratedRegex(@"^us-isof-[a-z]+-\d{1,2}$")]
    private static partial Regex IsoFRegion();

    [GeneratedRegex(@"^eusc-[a-z]{2}-[a-z]+-\d{1,2}$")]
    private static partial Regex EuropeanSovereignRegion();
}
