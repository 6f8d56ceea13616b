using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Tests.Tags;

public sealed class LambdaArnTests
{
    public static TheoryData<string, string, string?, string?, string?, string, string?, string> ValidCases => new()
    {
        // case, input, partition, region, account, name, qualifier, unqualified text
        { "full ARN", "arn:aws:lambda:us-east-1:123456789012:function:orders", "aws", "us-east-1", "123456789012", "orders", null, "arn:aws:lambda:us-east-1:123456789012:function:orders" },
        { "full ARN with alias", "arn:aws:lambda:us-east-1:123456789012:function:orders:live", "aws", "us-east-1", "123456789012", "orders", "live", "arn:aws:lambda:us-east-1:123456789012:function:orders" },
        { "full ARN with version", "arn:aws:lambda:eu-west-1:123456789012:function:orders:7", "aws", "eu-west-1", "123456789012", "orders", "7", "arn:aws:lambda:eu-west-1:123456789012:function:orders" },
        { "full ARN with $LATEST", "arn:aws:lambda:us-east-1:123456789012:function:orders:$LATEST", "aws", "us-east-1", "123456789012", "orders", "$LATEST", "arn:aws:lambda:us-east-1:123456789012:function:orders" },
        { "China partition", "arn:aws-cn:lambda:cn-north-1:123456789012:function:f_1", "aws-cn", "cn-north-1", "123456789012", "f_1", null, "arn:aws-cn:lambda:cn-north-1:123456789012:function:f_1" },
        { "GovCloud partition", "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:F-2", "aws-us-gov", "us-gov-west-1", "123456789012", "F-2", null, "arn:aws-us-gov:lambda:us-gov-west-1:123456789012:function:F-2" },
        { "partial ARN", "123456789012:function:orders", null, null, "123456789012", "orders", null, "123456789012:function:orders" },
        { "partial ARN with alias", "123456789012:function:orders:live", null, null, "123456789012", "orders", "live", "123456789012:function:orders" },
        { "bare name", "orders", null, null, null, "orders", null, "orders" },
        { "name with qualifier", "orders:live", null, null, null, "orders", "live", "orders" },
        { "64-character name", new string('n', 64), null, null, null, new string('n', 64), null, new string('n', 64) },
    };

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void TryParse_ValidIdentifier_ReturnsParts(string caseName, string input, string? partition, string? region, string? account, string name, string? qualifier, string unqualified)
    {
        Assert.True(LambdaArn.TryParse(input, out var arn, out var error), $"{caseName}: {error}");

        Assert.Equal(partition, arn.Partition);
        Assert.Equal(region, arn.Region);
        Assert.Equal(account, arn.AccountId);
        Assert.Equal(name, arn.FunctionName);
        Assert.Equal(qualifier, arn.Qualifier);
        Assert.Equal(input, arn.ToString());
        Assert.Equal(unqualified, arn.Unqualified.ToString());
    }

    public static TheoryData<string, string?, string> InvalidCases => new()
    {
        { "colon-separated parts that are no ARN", "12:34:56", "neither" },
        { "null", null, "empty" },
        { "empty", "", "empty" },
        { "unknown partition", "arn:aws-xx:lambda:us-east-1:123456789012:function:f", "partition" },
        { "region in the wrong partition", "arn:aws:lambda:cn-north-1:123456789012:function:f", "belongs to aws-cn" },
        { "bad region", "arn:aws:lambda:useast1:123456789012:function:f", "region" },
        { "short account", "arn:aws:lambda:us-east-1:12345:function:f", "12 digits" },
        { "not a function ARN", "arn:aws:lambda:us-east-1:123456789012:event-source-mapping:abc", "not a Lambda function ARN" },
        { "another service", "arn:aws:s3:::bucket", "not a Lambda function ARN" },
        { "name with a dot", "my.function", "function name" },
        { "name longer than 64", new string('n', 65), "function name" },
        { "qualifier with a dot", "orders:v1.2", "qualifier" },
        { "too many parts", "arn:aws:lambda:us-east-1:123456789012:function:f:q:extra", "not a Lambda function ARN" },
        { "longer than 256", "arn:aws:lambda:us-east-1:123456789012:function:" + new string('n', 250), "at most 256" },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void TryParse_InvalidIdentifier_FailsWithReason(string caseName, string? input, string reasonFragment)
    {
        Assert.False(LambdaArn.TryParse(input, out var arn, out var error), caseName);

        Assert.Null(arn);
        Assert.Contains(reasonFragment, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidIdentifier_ThrowsFormatExceptionWithReason()
    {
        var ex = Assert.Throws<FormatException>(() => LambdaArn.Parse("bad name"));

        Assert.Contains("function name", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> CompleteCases => new()
    {
        { "name completed", "orders", "arn:aws:lambda:us-east-1:123456789012:function:orders" },
        { "partial ARN of the same account completed", "123456789012:function:orders", "arn:aws:lambda:us-east-1:123456789012:function:orders" },
        { "partial ARN of another account kept", "210987654321:function:orders", "210987654321:function:orders" },
        { "full ARN kept", "arn:aws:lambda:eu-west-1:123456789012:function:orders", "arn:aws:lambda:eu-west-1:123456789012:function:orders" },
    };

    [Theory]
    [MemberData(nameof(CompleteCases))]
    public void Complete_WithAccountAndRegion_FillsOnlyWhatIsMissing(string caseName, string input, string expected)
    {
        Assert.Equal(expected, LambdaArn.Parse(input).Complete("123456789012", "us-east-1").ToString());
        Assert.NotNull(caseName);
    }

    [Fact]
    public void Create_ChinaRegion_UsesChinaPartition()
    {
        Assert.Equal("arn:aws-cn:lambda:cn-northwest-1:123456789012:function:f", LambdaArn.Create("cn-northwest-1", "123456789012", "f").ToString());
    }

    [Fact]
    public void Create_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => LambdaArn.Create("us-east-1", "123456789012", "no spaces"));
    }

    [Fact]
    public void SameFunctionAs_NameAndFullArn_MatchOnlyTheSameName()
    {
        var full = LambdaArn.Parse("arn:aws:lambda:us-east-1:123456789012:function:orders");

        Assert.True(LambdaArn.Parse("orders").SameFunctionAs(full));
        Assert.True(LambdaArn.Parse("123456789012:function:orders").SameFunctionAs(full));
        Assert.False(LambdaArn.Parse("orders2").SameFunctionAs(full));
        Assert.False(LambdaArn.Parse("210987654321:function:orders").SameFunctionAs(full));
        Assert.False(LambdaArn.Parse("arn:aws:lambda:us-west-2:123456789012:function:orders").SameFunctionAs(full));
    }

    [Fact]
    public void WithQualifier_Alias_AppendsToArn()
    {
        var arn = LambdaArn.Create("us-east-1", "123456789012", "orders").WithQualifier("live");

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:orders:live", arn.ToString());
        Assert.Throws<ArgumentException>(() => arn.WithQualifier("bad qualifier"));
    }

    [Theory]
    [InlineData("alias of digits only is a version", "123", false)]
    [InlineData("plain alias", "live", true)]
    [InlineData("alias with dash and underscore", "blue-green_2", true)]
    [InlineData("128 characters", "a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a123456789a1234567", true)]
    [InlineData("empty", "", false)]
    public void IsValidAliasName_FollowsAwsAliasRule(string caseName, string alias, bool expected)
    {
        Assert.True(expected == LambdaNames.IsValidAliasName(alias), caseName);
    }
}
