using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Core.Triggers;

namespace LambdaRegistrator.Core.Tests.Sources;

/// <summary>Which source a function (of an event or given by hand) belongs to: the one rule, and the classifier using it.</summary>
public sealed class SourceOfTests
{
    private const string Own = "123456789012";
    private const string Member = "111122223333";

    private static readonly Source[] Several =
    [
        new(Own, "us-east-1", $"{Own}/us-east-1"),
        new(Own, "eu-west-1", $"{Own}/eu-west-1"),
        new(Member, "us-east-1", $"{Member}/us-east-1") { RoleArn = $"arn:aws:iam::{Member}:role/r" },
        new(Member, "eu-west-1", $"{Member}/eu-west-1") { RoleArn = $"arn:aws:iam::{Member}:role/r" },
    ];

    public static TheoryData<string, string, string?, string?> Cases => new()
    {
        // name, function ARN, expected source name (null = none), a fragment of the reason when none
        { "The own account and region", $"arn:aws:lambda:us-east-1:{Own}:function:a", $"{Own}/us-east-1", null },
        { "The own account in another listed region", $"arn:aws:lambda:eu-west-1:{Own}:function:a", $"{Own}/eu-west-1", null },
        { "A member account and region", $"arn:aws:lambda:eu-west-1:{Member}:function:a", $"{Member}/eu-west-1", null },
        { "A listed account in a region not listed", $"arn:aws:lambda:ap-south-1:{Member}:function:a", null, $"in account {Member} and region ap-south-1, which is not one of this registrator's sources" },
        { "An account that is not a source", "arn:aws:lambda:us-east-1:999999999999:function:a", null, $"which is not one of this registrator's sources ({Own}/us-east-1, {Own}/eu-west-1, {Member}/us-east-1, {Member}/eu-west-1)" },
        { "Another partition", $"arn:aws-cn:lambda:cn-north-1:{Member}:function:a", null, "cn-north-1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SourceOf_SeveralSources_SelectsByAccountAndRegion(string name, string function, string? expected, string? reason)
    {
        var source = SourceResolution.SourceOf(Several, LambdaArn.Parse(function), out var why);

        Assert.True(expected == source?.Name, $"{name}: got {source?.Name ?? "none"} ({why})");
        if (reason is not null)
        {
            Assert.Contains(reason, why, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(string.Empty, why);
        }
    }

    [Fact]
    public void SourceOf_SingleSource_GivesItsOwnMismatchSentence()
    {
        var home = new Source(Own, "us-east-1", $"{Own}/us-east-1");

        Assert.Null(SourceResolution.SourceOf([home], LambdaArn.Parse("arn:aws:lambda:us-east-1:999999999999:function:a"), out var why));
        Assert.Equal($"in account 999999999999; this registrator manages account {Own}", why);
    }

    public static TheoryData<string, string, string, string?> Events => new()
    {
        // name, envelope account, envelope region, expected source name (null = ignored)
        { "An event of the member account and region selects that source", Member, "eu-west-1", $"{Member}/eu-west-1" },
        { "An event of the own account in a listed region", Own, "eu-west-1", $"{Own}/eu-west-1" },
        { "An event of an account that is not a source is ignored", "999999999999", "us-east-1", null },
        { "An event of a region that is not a source is ignored", Member, "ap-south-1", null },
    };

    [Theory]
    [MemberData(nameof(Events))]
    public void Classify_WithSources_TheEnvelopeSelectsTheSource(string name, string account, string region, string? expected)
    {
        // A TagResource recorded by CloudTrail names the function by its ARN; an UpdateFunctionConfiguration by the
        // name the caller passed, completed from the envelope's account and region.
        var byName = $$$"""
            {"version":"0","source":"aws.lambda","detail-type":"AWS API Call via CloudTrail","account":"{{{account}}}","region":"{{{region}}}",
             "detail":{"eventSource":"lambda.amazonaws.com","eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"orders"},"responseElements":null}}
            """;
        var context = new TriggerContext(Own, "us-east-1") { Sources = Several };

        var trigger = TriggerClassifier.Classify(byName, context);

        if (expected is null)
        {
            var ignored = Assert.IsType<IgnoredEvent>(trigger);
            Assert.Contains("is not one of this registrator's sources", ignored.Reason, StringComparison.Ordinal);
            Assert.Contains($"account {account} and region {region}", ignored.Reason, StringComparison.Ordinal);
        }
        else
        {
            var targeted = Assert.IsType<TargetedSync>(trigger);
            Assert.True(expected == targeted.Source?.Name, name);
            Assert.Equal($"arn:aws:lambda:{region}:{account}:function:orders", targeted.Function.ToString());
        }
    }
}
