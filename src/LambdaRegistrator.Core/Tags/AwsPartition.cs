using System.Text.RegularExpressions;

namespace LambdaRegistrator.Core.Tags;

/// <summary>An AWS partition (a group of regions with its own ARN prefix), e.g. <c>aws-iso-b</c> for <c>us-isob-*</c>.</summary>
internal sealed class AwsPartition
{
    private readonly Regex _regions;

    internal AwsPartition(string name, string exampleRegion, string dnsSuffix, Regex regions)
    {
        Name = name;
        ExampleRegion = exampleRegion;
        DnsSuffix = dnsSuffix;
        _regions = regions;
    }

    /// <summary>The partition as it appears in ARNs: <c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>, <c>aws-iso</c>, ...</summary>
    public string Name { get; }

    /// <summary>A region of this partition, for examples in messages and docs.</summary>
    public string ExampleRegion { get; }

    /// <summary>The domain its service endpoints end in: <c>https://&lt;service&gt;.&lt;region&gt;.&lt;DnsSuffix&gt;</c>.</summary>
    public string DnsSuffix { get; }

    /// <summary>True when <paramref name="region"/> is a region name of this partition.</summary>
    public bool Contains(string region) => _regions.IsMatch(region);

    /// <inheritdoc />
    public override string ToString() => Name;
}
