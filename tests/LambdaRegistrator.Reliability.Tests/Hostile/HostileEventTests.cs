using System.Text;
using LambdaRegistrator.Reliability.Tests.Infrastructure;

namespace LambdaRegistrator.Reliability.Tests.Hostile;

/// <summary>
/// Every file of tests/corpus/events, and generated monsters (megabytes, deep nesting, invalid UTF-8), through
/// <see cref="Registrator.HandleEventAsync"/> of a registrator whose inventory holds an enabled, not yet registered
/// "orders": a mis-handled event would write it. Each gets its outcome and reason; none crashes, none writes to Consul,
/// none even calls AWS. (TriggerClassifierTests prove the classifier on strings; this proves the whole entry point.)
/// </summary>
public sealed class HostileEventTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    public static TheoryData<string, SyncOutcome, string> Corpus => new()
    {
        { "truncated.json", SyncOutcome.Rejected, "not valid JSON" },
        { "empty.json", SyncOutcome.Rejected, "empty" },
        { "not-json.txt", SyncOutcome.Rejected, "not valid JSON" },
        { "comments.json", SyncOutcome.Rejected, "not valid JSON" },
        { "trailing-garbage.json", SyncOutcome.Rejected, "not valid JSON" },
        { "duplicate-keys.json", SyncOutcome.Rejected, "not valid JSON" },
        { "array.json", SyncOutcome.Rejected, "JSON array" },
        { "null.json", SyncOutcome.Rejected, "JSON null" },
        { "source-is-a-number.json", SyncOutcome.Rejected, "\"source\" is a JSON number" },
        { "source-missing.json", SyncOutcome.Rejected, "no \"source\"" },
        { "source-empty.json", SyncOutcome.Rejected, "non-empty string" },
        { "detail-is-a-string.json", SyncOutcome.Rejected, "no \"detail\" object" },
        { "detail-type-is-an-object.json", SyncOutcome.Rejected, "\"detail-type\" is a JSON object" },
        { "event-name-is-a-number.json", SyncOutcome.Rejected, "detail.eventName" },
        { "event-name-missing.json", SyncOutcome.Rejected, "detail.eventName" },
        { "request-parameters-missing.json", SyncOutcome.Rejected, "no detail.requestParameters" },
        { "resource-is-an-array.json", SyncOutcome.Rejected, "requestParameters.resource is missing or not a non-empty string" },
        { "resource-is-not-an-arn.json", SyncOutcome.Rejected, "is not an ARN" },
        { "resource-arn-with-path-traversal.json", SyncOutcome.Rejected, "not a function ARN" },
        { "function-name-with-query.json", SyncOutcome.Rejected, "not a function" },
        { "function-name-with-slashes.json", SyncOutcome.Rejected, "not a function" },
        { "function-name-with-crlf.json", SyncOutcome.Rejected, "not a function" },
        { "function-name-with-nul.json", SyncOutcome.Rejected, "not a function" },
        { "function-name-unicode.json", SyncOutcome.Rejected, "not a function" },
        { "function-name-too-long.json", SyncOutcome.Rejected, "not a function" },
        { "function-arn-in-response-is-a-number.json", SyncOutcome.Rejected, "responseElements.functionArn" },
        { "function-name-in-request-is-an-array.json", SyncOutcome.Rejected, "requestParameters.functionName is missing or not a non-empty string" },
        { "region-look-alike.json", SyncOutcome.Rejected, "\"us-isoz-east-1\", which is not an AWS region name" },
        { "alias-name-with-path.json", SyncOutcome.Rejected, "not an alias name" },
        { "alias-name-only-digits.json", SyncOutcome.Rejected, "not an alias name" },
        { "alias-name-missing.json", SyncOutcome.Rejected, "requestParameters.name" },
        { "event-name-unknown-suffix.json", SyncOutcome.Ignored, "does not change what is registered" },
        { "event-name-lowercase.json", SyncOutcome.Ignored, "does not change what is registered" },
        { "event-name-with-suffix-words.json", SyncOutcome.Ignored, "does not change what is registered" },
        { "event-name-not-handled.json", SyncOutcome.Ignored, "does not change what is registered" },
        { "other-account.json", SyncOutcome.Ignored, "in account 999999999999" },
        { "other-account-envelope-only.json", SyncOutcome.Ignored, "in account 999999999999" },
        { "other-region.json", SyncOutcome.Ignored, "in region eu-west-1" },
        { "other-partition-aws-cn.json", SyncOutcome.Ignored, "in region cn-north-1" },
        { "other-partition-aws-us-gov.json", SyncOutcome.Ignored, "in region us-gov-west-1" },
        { "other-partition-aws-iso.json", SyncOutcome.Ignored, "in region us-iso-east-1" },
        { "other-partition-aws-iso-b.json", SyncOutcome.Ignored, "in region us-isob-east-1" },
        { "other-partition-aws-iso-e.json", SyncOutcome.Ignored, "in region eu-isoe-west-1" },
        { "other-partition-aws-iso-f.json", SyncOutcome.Ignored, "in region us-isof-south-1" },
        { "other-partition-aws-eusc.json", SyncOutcome.Ignored, "in region eusc-de-east-1" },
        { "request-and-response-omitted.json", SyncOutcome.Ignored, "CloudTrail omitted detail.responseElements" },
        { "failed-call.json", SyncOutcome.Ignored, "failed with AccessDenied" },
        { "other-source.json", SyncOutcome.Ignored, "source \"aws.s3\"" },
        { "other-detail-type.json", SyncOutcome.Ignored, "detail-type" },
        { "spoofed-event-source.json", SyncOutcome.Ignored, "eventSource \"evil.example.com\"" },
        { "tag-on-a-layer.json", SyncOutcome.Ignored, "tags on a Lambda layer" },
        { "tag-on-a-non-lambda-arn.json", SyncOutcome.Ignored, "not a Lambda resource" },
    };

    public static TheoryData<string, SyncOutcome, string> Generated => new()
    {
        { "2 MiB event (over the 1 MiB cap)", SyncOutcome.Rejected, "at most 1048576 are accepted" },
        { "10,000 nested arrays", SyncOutcome.Rejected, "not valid JSON" },
        { "nesting deeper than 32 inside detail", SyncOutcome.Rejected, "not valid JSON" },
        { "invalid UTF-8 bytes", SyncOutcome.Rejected, "not valid UTF-8" },
        { "UTF-16 encoded event", SyncOutcome.Rejected, "not valid" },
        { "200 KB eventName", SyncOutcome.Ignored, "does not change what is registered" },
    };

    [Fact]
    public void Corpus_EveryFile_HasAnExpectedOutcome()
    {
        var files = Directory.GetFiles(HostileFixture.CorpusPath("events")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        var listed = Corpus.Select(row => (string)row[0]).Order(StringComparer.Ordinal);
        Assert.Equal(listed, files);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HandleEvent_CorpusEvent_GetsItsOutcomeWithoutAnyWriteOrAwsCall(string file, SyncOutcome expected, string reason) =>
        await AssertHandledAsync(file, await File.ReadAllBytesAsync(HostileFixture.CorpusPath("events", file)), expected, reason);

    [Theory]
    [MemberData(nameof(Generated))]
    public async Task HandleEvent_GeneratedMonster_GetsItsOutcomeWithoutAnyWriteOrAwsCall(string caseName, SyncOutcome expected, string reason) =>
        await AssertHandledAsync(caseName, Generate(caseName), expected, reason);

    [Fact]
    public async Task HandleEvent_ValidEventPaddedToJustUnderTheCap_IsHandledAsATargetedSync()
    {
        var text = SampleEvents.Text("tag-resource.json");
        var padded = text.Replace("\"version\": \"0\",", "\"version\": \"0\", \"padding\": \"" + new string('x', 1000 * 1000) + "\",", StringComparison.Ordinal);
        fixture.Reset([FakeFunction.Of("orders", TagSet.Enabled())]);
        using var rig = await Rig.StartAsync(fixture.Aws.Endpoint, fixture.Consul);

        var report = await rig.Registrator.HandleEventAsync(Encoding.UTF8.GetBytes(padded), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["orders"], (await ConsulState.ReadAsync(fixture.Consul)).ServiceNames);
        Assert.DoesNotContain(new string('x', 300), rig.Log, StringComparison.Ordinal);
    }

    private async Task AssertHandledAsync(string caseName, byte[] body, SyncOutcome expected, string reason)
    {
        fixture.Reset([FakeFunction.Of("orders", TagSet.Enabled())]);
        using var rig = await Rig.StartAsync(fixture.Aws.Endpoint, fixture.Consul);

        var report = await rig.Registrator.HandleEventAsync(body, SyncContext.None, CancellationToken.None);

        Assert.True(report.Outcome == expected, $"{caseName}: {report}");
        Assert.Contains(reason, report.Reason, StringComparison.Ordinal);
        Assert.True(report.Reason!.Length < 1000, $"{caseName}: the reason quotes {report.Reason.Length} characters of hostile input");
        Assert.Equal(0, fixture.Consul.Stats!.Writes);
        Assert.Equal(0, fixture.Consul.Stats.Reads);
        Assert.Empty(fixture.Aws.Requests);
        // The log line of the decision is bounded too (hostile input is quoted at most 200 characters at a time).
        Assert.All(rig.Log.Split('\n'), line => Assert.True(line.Length < 4000, $"{caseName}: a log line of {line.Length} characters"));
    }

    private static byte[] Generate(string caseName) => caseName switch
    {
        "2 MiB event (over the 1 MiB cap)" => Encoding.UTF8.GetBytes("{\"source\":\"aws.events\",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"),
        "10,000 nested arrays" => Encoding.UTF8.GetBytes(new string('[', 10_000) + new string(']', 10_000)),
        "nesting deeper than 32 inside detail" => Encoding.UTF8.GetBytes(
            "{\"source\":\"aws.lambda\",\"detail-type\":\"AWS API Call via CloudTrail\",\"detail\":" + string.Concat(Enumerable.Repeat("{\"a\":", 40)) + "1" + new string('}', 40) + "}"),
        "invalid UTF-8 bytes" => [.. Encoding.UTF8.GetBytes("{\"source\":\"aws.events\",\"x\":\""), 0xC3, 0x28, 0xFF, 0xFE, .. Encoding.UTF8.GetBytes("\"}")],
        "UTF-16 encoded event" => Encoding.Unicode.GetBytes("{\"source\":\"aws.events\"}"),
        "200 KB eventName" => Encoding.UTF8.GetBytes(SampleEvents.Text("tag-resource.json").Replace("TagResource20170331v2", "TagResource" + new string('9', 200 * 1000), StringComparison.Ordinal)),
        _ => throw new ArgumentOutOfRangeException(nameof(caseName), caseName, "no generator"),
    };
}
