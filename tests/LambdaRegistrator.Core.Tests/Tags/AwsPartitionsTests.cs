using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Core.Triggers;

namespace LambdaRegistrator.Core.Tests.Tags;

/// <summary>
/// Every AWS partition, each through every rule that uses the partition table: region names, function ARNs (parsed,
/// built and completed), the event home check and the SSM parameter ARN check.
/// </summary>
public sealed class AwsPartitionsTests
{
    private const string Account = "123456789012";

    // Every region AWS lists today for each partition (the AWS SDKs' partition metadata), one row each.
    public static TheoryData<string, string> EveryPartitionRegion => new()
    {
        // partition, region
        { "aws", "us-east-1" },
        { "aws", "eu-central-2" },
        { "aws", "ap-southeast-7" },
        { "aws", "mx-central-1" },
        { "aws", "il-central-1" },
        { "aws-cn", "cn-north-1" },
        { "aws-cn", "cn-northwest-1" },
        { "aws-us-gov", "us-gov-west-1" },
        { "aws-us-gov", "us-gov-east-1" },
        { "aws-iso", "us-iso-east-1" },
        { "aws-iso", "us-iso-west-1" },
        { "aws-iso-b", "us-isob-east-1" },
        { "aws-iso-b", "us-isob-west-1" },
        { "aws-iso-e", "eu-isoe-west-1" },
        { "aws-iso-f", "us-isof-south-1" },
        { "aws-iso-f", "us-isof-east-1" },
        { "aws-eusc", "eusc-de-east-1" },
    };

    [Fact]
    public void All_ListsEveryAwsPartitionOnce()
    {
        Assert.Equal(
            ["aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"],
            AwsPartitions.All.Select(p => p.Name));
        Assert.All(AwsPartitions.All, p => Assert.True(AwsPartitions.TryGetByRegion(p.ExampleRegion, out var home) && ReferenceEquals(p, home), p.Name));
    }

    [Theory]
    [MemberData(nameof(EveryPartitionRegion))]
    public void TryGetByRegion_RegionOfAPartition_IsThatPartitionAndNoOther(string partition, string region)
    {
        Assert.True(AwsPartitions.TryGetByRegion(region, out var found), region);

        Assert.Equal(partition, found.Name);
        Assert.Equal(partition, LambdaNames.PartitionForRegion(region));
        Assert.True(LambdaNames.IsValidRegion(region));
        Assert.Single(AwsPartitions.All, p => p.Contains(region));
    }

    [Theory]
    [InlineData("empty", "")]
    [InlineData("no number", "us-east")]
    [InlineData("upper case", "US-EAST-1")]
    [InlineData("three-digit number", "us-east-100")]
    [InlineData("unknown ISO letter", "us-isoz-east-1")]
    [InlineData("ISO-E outside eu", "us-isoe-west-1")]
    [InlineData("GovCloud outside us", "cn-gov-west-1")]
    [InlineData("sovereign cloud without a country", "eusc-east-1")]
    [InlineData("SDK pseudo-region", "aws-global")]
    [InlineData("trailing space", "us-east-1 ")]
    [InlineData("path", "us-east-1/../x")]
    public void TryGetByRegion_NotARegionName_IsFalse(string caseName, string region)
    {
        Assert.False(AwsPartitions.TryGetByRegion(region, out _), caseName);
        Assert.False(LambdaNames.IsValidRegion(region), caseName);
    }

    [Theory]
    [MemberData(nameof(EveryPartitionRegion))]
    public void LambdaArn_FunctionInAnyPartition_ParsesBuildsAndCompletes(string partition, string region)
    {
        var text = $"arn:{partition}:lambda:{region}:{Account}:function:orders";

        Assert.True(LambdaArn.TryParse(text + ":live", out var arn, out var error), error);
        Assert.Equal(partition, arn.Partition);
        Assert.Equal(region, arn.Region);
        Assert.Equal(text, arn.Unqualified.ToString());
        Assert.Equal(text, LambdaArn.Create(region, Account, "orders").ToString());
        Assert.Equal(text, LambdaArn.Parse("orders").Complete(Account, region).ToString());
        Assert.Equal(text, LambdaArn.Parse($"{Account}:function:orders").Complete(Account, region).ToString());
    }

    [Theory]
    [InlineData("ISO-B region under aws", "arn:aws:lambda:us-isob-east-1:123456789012:function:f", "belongs to aws-iso-b")]
    [InlineData("ISO-B region under aws-iso", "arn:aws-iso:lambda:us-isob-east-1:123456789012:function:f", "belongs to aws-iso-b")]
    [InlineData("sovereign-cloud region under aws", "arn:aws:lambda:eusc-de-east-1:123456789012:function:f", "belongs to aws-eusc")]
    [InlineData("commercial region under aws-iso-f", "arn:aws-iso-f:lambda:us-east-1:123456789012:function:f", "belongs to aws")]
    [InlineData("partition that does not exist", "arn:aws-iso-z:lambda:us-isob-east-1:123456789012:function:f", "expected one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, aws-iso-e, aws-iso-f, aws-eusc")]
    [InlineData("region no partition claims", "arn:aws-iso-b:lambda:us-isoz-east-1:123456789012:function:f", "not an AWS region name")]
    public void LambdaArn_PartitionAndRegionDisagree_IsRejectedNamingTheRightPartition(string caseName, string text, string reasonFragment)
    {
        Assert.False(LambdaArn.TryParse(text, out _, out var error), caseName);
        Assert.Contains(reasonFragment, error, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EveryPartitionRegion))]
    public void Classify_EventsInAnyPartition_TargetTheFunctionThere(string partition, string region)
    {
        var home = new TriggerContext(Account, region);
        var arn = $"arn:{partition}:lambda:{region}:{Account}:function:orders";
        var tag = Event(region, """{"eventName":"TagResource20170331v2","requestParameters":{"resource":"ARN"}}""".Replace("ARN", arn, StringComparison.Ordinal));
        var updatedByName = Event(region, """{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"orders"},"responseElements":{"layers":[]}}""");

        Assert.Equal(arn, Assert.IsType<TargetedSync>(TriggerClassifier.Classify(tag, home)).Function.ToString());
        Assert.Equal(arn, Assert.IsType<TargetedSync>(TriggerClassifier.Classify(updatedByName, home)).Function.ToString());
    }

    [Theory]
    [MemberData(nameof(EveryPartitionRegion))]
    public void Classify_EventFromAnotherRegionOrPartition_IsIgnoredNotRejected(string partition, string region)
    {
        var elsewhere = region == "us-east-1" ? new TriggerContext(Account, "us-isob-east-1") : new TriggerContext(Account, "us-east-1");
        var arn = $"arn:{partition}:lambda:{region}:{Account}:function:orders";
        var tag = Event(region, """{"eventName":"TagResource20170331v2","requestParameters":{"resource":"ARN"}}""".Replace("ARN", arn, StringComparison.Ordinal));

        var ignored = Assert.IsType<IgnoredEvent>(TriggerClassifier.Classify(tag, elsewhere));

        Assert.Contains($"in region {region}", ignored.Reason, StringComparison.Ordinal);
    }

    // An EventBridge envelope from this account and the region, around a CloudTrail detail.
    private static string Event(string region, string detail) =>
        $"{{\"source\":\"aws.lambda\",\"account\":\"{Account}\",\"region\":\"{region}\",\"detail\":{detail}}}";

    [Theory]
    [MemberData(nameof(EveryPartitionRegion))]
    public void Parse_SsmParameterArnInAnyPartition_IsAccepted(string partition, string region)
    {
        var arn = $"arn:{partition}:ssm:{region}:{Account}:parameter/consul/acl-token";

        var result = RegistratorOptions.Parse(name => name == "CONSUL_HTTP_TOKEN_PATH" ? arn : null);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(arn, result.Options!.ConsulHttpTokenPath);
    }

    [Theory]
    [InlineData("ISO-B region under aws", "arn:aws:ssm:us-isob-east-1:123456789012:parameter/consul/ca")]
    [InlineData("commercial region under aws-eusc", "arn:aws-eusc:ssm:eu-west-1:123456789012:parameter/consul/ca")]
    [InlineData("partition that does not exist", "arn:aws-iso-z:ssm:us-isob-east-1:123456789012:parameter/consul/ca")]
    [InlineData("region no partition claims", "arn:aws-iso:ssm:us-iso-east:123456789012:parameter/consul/ca")]
    [InlineData("another service", "arn:aws-iso-b:secretsmanager:us-isob-east-1:123456789012:secret/consul/ca")]
    public void Parse_SsmParameterArnWithPartitionAndRegionApart_IsRefused(string caseName, string arn)
    {
        var result = RegistratorOptions.Parse(name => name == "CONSUL_CACERT_PATH" ? arn : null);

        Assert.False(result.IsValid, caseName);
        Assert.Contains(result.Errors, e => e.Message.Contains("is not an SSM parameter name", StringComparison.Ordinal));
    }
}
