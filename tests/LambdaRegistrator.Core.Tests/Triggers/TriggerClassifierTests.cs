using System.Text;
using System.Text.Json;
using LambdaRegistrator.Core.Triggers;

namespace LambdaRegistrator.Core.Tests.Triggers;

public sealed class TriggerClassifierTests
{
    private const string OrdersArn = "arn:aws:lambda:us-east-1:123456789012:function:orders";

    private static byte[] Sample(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file));

    public static TheoryData<string, string> FullSyncSamples => new()
    {
        { "scheduled event", "scheduled-event.json" },
        { "manual {\"source\":\"aws.events\"}", "manual-full-sync.json" },
    };

    [Theory]
    [MemberData(nameof(FullSyncSamples))]
    public void Classify_AwsEventsSource_IsFullSync(string caseName, string file)
    {
        var trigger = Assert.IsType<FullSync>(TriggerClassifier.Classify(Sample(file)));

        Assert.Contains("aws.events", trigger.Reason, StringComparison.Ordinal);
        Assert.NotNull(caseName);
    }

    [Fact]
    public void Classify_ScheduledEvent_NamesTheRuleInTheReason()
    {
        var trigger = Assert.IsType<FullSync>(TriggerClassifier.Classify(Sample("scheduled-event.json")));

        Assert.Equal("Scheduled Event (source aws.events) from arn:aws:events:us-east-1:123456789012:rule/consul-lambda-registrator-full-sync", trigger.Reason);
    }

    public static TheoryData<string, string, string, string, string?> TargetedSamples => new()
    {
        // case, file, eventName, api call, alias
        { "CreateFunction reads responseElements.functionArn", "create-function.json", "CreateFunction20150331", "CreateFunction", null },
        { "UpdateFunctionConfiguration reads responseElements.functionArn", "update-function-configuration.json", "UpdateFunctionConfiguration20150331v2", "UpdateFunctionConfiguration", null },
        { "UpdateFunctionConfiguration recording only layers reads a requestParameters name", "update-function-configuration-layers.json", "UpdateFunctionConfiguration20150331v2", "UpdateFunctionConfiguration", null },
        { "UpdateFunctionConfiguration with responseElements omitted reads a requestParameters partial ARN", "update-function-configuration-omitted-response.json", "UpdateFunctionConfiguration20150331v2", "UpdateFunctionConfiguration", null },
        { "UpdateFunctionConfiguration with null responseElements reads a requestParameters ARN", "update-function-configuration-null-response.json", "UpdateFunctionConfiguration20150331v2", "UpdateFunctionConfiguration", null },
        { "CreateFunction with responseElements omitted reads requestParameters", "create-function-omitted-response.json", "CreateFunction20150331", "CreateFunction", null },
        { "CreateFunction with null responseElements reads requestParameters", "create-function-null-response.json", "CreateFunction20150331", "CreateFunction", null },
        { "DeleteFunction reads a bare requestParameters.functionName", "delete-function.json", "DeleteFunction20150331", "DeleteFunction", null },
        { "TagResource reads requestParameters.resource", "tag-resource.json", "TagResource20170331v2", "TagResource", null },
        { "UntagResource reads requestParameters.resource", "untag-resource.json", "UntagResource20170331v2", "UntagResource", null },
        { "CreateAlias with a function name", "create-alias.json", "CreateAlias20150331", "CreateAlias", "live" },
        { "UpdateAlias with a function ARN", "update-alias.json", "UpdateAlias20150331", "UpdateAlias", "live" },
        { "DeleteAlias with a partial ARN", "delete-alias.json", "DeleteAlias20150331", "DeleteAlias", "live" },
    };

    [Theory]
    [MemberData(nameof(TargetedSamples))]
    public void Classify_HandledCloudTrailEvent_IsTargetedSyncOfUnqualifiedArn(string caseName, string file, string eventName, string apiCall, string? alias)
    {
        var trigger = Assert.IsType<TargetedSync>(TriggerClassifier.Classify(Sample(file), new TriggerContext("123456789012", "us-east-1")));

        Assert.Equal(OrdersArn, trigger.Function.ToString());
        Assert.Equal(eventName, trigger.EventName);
        Assert.Equal(apiCall, trigger.ApiCall);
        Assert.True(alias == trigger.Alias, caseName);
    }

    public static TheoryData<string, string, string> IgnoredSamples => new()
    {
        { "failed call (errorCode)", "failed-delete-function.json", "ResourceNotFoundException" },
        { "tags on an event-source mapping", "tag-event-source-mapping.json", "event-source-mapping" },
        { "unsupported PublishVersion", "publish-version.json", "PublishVersion20150331" },
    };

    [Theory]
    [MemberData(nameof(IgnoredSamples))]
    public void Classify_WellFormedEventNeedingNoWork_IsIgnoredWithReason(string caseName, string file, string reasonFragment)
    {
        var trigger = Assert.IsType<IgnoredEvent>(TriggerClassifier.Classify(Sample(file)));

        Assert.Contains(reasonFragment, trigger.Reason, StringComparison.Ordinal);
        Assert.NotNull(caseName);
    }

    [Fact]
    public void Classify_EverySample_IsClassifiedWithoutRejection()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "events"), "*.json");

        Assert.True(files.Length >= 18, $"expected every sample in the output folder, found {files.Length}");
        Assert.All(files, f => Assert.IsNotType<RejectedEvent>(TriggerClassifier.Classify(File.ReadAllBytes(f))));
    }

    public static TheoryData<string, string, string, string?> EventNameVariants => new()
    {
        // Go fixture shape: no envelope, no detail-type; names with and without suffixes.
        { "Go fixture create_function", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","responseElements":{"functionArn":"arn:aws:lambda:us-east-1:111111111111:function:lambda-1234"}}}""", "arn:aws:lambda:us-east-1:111111111111:function:lambda-1234", null },
        { "Go fixture tag_resource", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:111111111111:function:lambda-1234"}}}""", "arn:aws:lambda:us-east-1:111111111111:function:lambda-1234", null },
        { "Go fixture untag_resource", """{"source":"aws.lambda","detail":{"eventName":"UntagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:111111111111:function:lambda-1234"}}}""", "arn:aws:lambda:us-east-1:111111111111:function:lambda-1234", null },
        { "unsuffixed TagResource", """{"source":"aws.lambda","detail":{"eventName":"TagResource","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
        { "older TagResource20170331", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
        { "unsuffixed DeleteFunction with ARN and qualifier", """{"source":"aws.lambda","detail":{"eventName":"DeleteFunction","requestParameters":{"functionName":"arn:aws:lambda:us-east-1:123456789012:function:f:3"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", "3" },
        { "DeleteFunction with separate qualifier", """{"source":"aws.lambda","account":"123456789012","region":"us-east-1","detail":{"eventName":"DeleteFunction20150331","requestParameters":{"functionName":"f","qualifier":"2"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", "2" },
        { "name without envelope stays a name", """{"source":"aws.lambda","detail":{"eventName":"DeleteFunction20150331","requestParameters":{"functionName":"f"}}}""", "f", null },
        { "tag resource with an alias-qualified ARN", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f:live"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", "live" },
        { "responseElements of only the changed layers: requestParameters names it", """{"source":"aws.lambda","account":"123456789012","region":"us-west-2","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"my-lambda-function"},"responseElements":{"layers":[{"arn":"arn:aws:lambda:us-west-2:123456789012:layer:my-layer:1"}]}}}""", "arn:aws:lambda:us-west-2:123456789012:function:my-lambda-function", null },
        { "empty responseElements: requestParameters names it", """{"source":"aws.lambda","account":"123456789012","region":"us-west-2","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"my-lambda-function"},"responseElements":{}}}""", "arn:aws:lambda:us-west-2:123456789012:function:my-lambda-function", null },
        { "no responseElements at all: requestParameters names it", """{"source":"aws.lambda","account":"123456789012","region":"us-east-1","detail":{"eventName":"UpdateFunctionConfiguration","requestParameters":{"functionName":"f"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
        { "null functionArn: requestParameters names it", """{"source":"aws.lambda","account":"123456789012","region":"us-east-1","detail":{"eventName":"CreateFunction20150331","requestParameters":{"functionName":"f"},"responseElements":{"functionArn":null}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
        { "responseElements omitted, requestParameters ARN of the ISO-B partition", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f"},"responseElements":{"omitted":true}}}""", "arn:aws-iso-b:lambda:us-isob-east-1:123456789012:function:f", null },
        { "responseElements.functionArn wins over requestParameters", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","requestParameters":{"functionName":"f"},"responseElements":{"functionArn":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
        { "requestParameters name without envelope stays a name", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"f"},"responseElements":null}}""", "f", null },
        { "null errorCode is not a failure", """{"source":"aws.lambda","detail":{"eventName":"TagResource","errorCode":null,"requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "arn:aws:lambda:us-east-1:123456789012:function:f", null },
    };

    [Theory]
    [MemberData(nameof(EventNameVariants))]
    public void Classify_EventNameVariantsAndIdentifierForms_NormaliseTheFunction(string caseName, string json, string expectedFunction, string? expectedAlias)
    {
        var trigger = Assert.IsType<TargetedSync>(TriggerClassifier.Classify(json));

        Assert.Equal(expectedFunction, trigger.Function.ToString());
        Assert.True(expectedAlias == trigger.Alias, caseName);
    }

    public static TheoryData<string, string, string> IgnoredInline => new()
    {
        { "other source", """{"source":"aws.s3","detail-type":"Object Created","detail":{}}""", "aws.s3" },
        { "aws.lambda but another detail-type", """{"source":"aws.lambda","detail-type":"Lambda Function Invocation Result - Success","detail":{}}""", "Invocation Result" },
        { "UpdateFunctionCode does not change registrations", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionCode20150331v2","responseElements":{"functionArn":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "UpdateFunctionCode20150331v2" },
        { "errorCode with a message", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","errorCode":"AccessDenied","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "AccessDenied" },
        { "tags on a code-signing config", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:code-signing-config:csc-0123456789abcdef0"}}}""", "code-signing-config" },
        { "eventSource of another service", """{"source":"aws.lambda","detail":{"eventName":"TagResource","eventSource":"s3.amazonaws.com","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123456789012:function:f"}}}""", "s3.amazonaws.com" },
        { "CreateFunction with requestParameters and responseElements omitted", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","requestParameters":{"omitted":true},"responseElements":{"omitted":true}}}""", "CloudTrail omitted detail.responseElements" },
        { "UpdateFunctionConfiguration with requestParameters omitted and no response", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"omitted":true},"responseElements":null}}""", "CloudTrail omitted detail.requestParameters" },
        { "TagResource with requestParameters omitted", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"omitted":true},"responseElements":null}}""", "next full sync reconciles it" },
        { "DeleteAlias with requestParameters omitted", """{"source":"aws.lambda","detail":{"eventName":"DeleteAlias20150331","requestParameters":{"omitted":true}}}""", "CloudTrail omitted detail.requestParameters" },
        { "eventName with odd characters", """{"source":"aws.lambda","detail":{"eventName":"Tag-Resource","requestParameters":{}}}""", "Tag-Resource" },
    };

    [Theory]
    [MemberData(nameof(IgnoredInline))]
    public void Classify_OtherWellFormedEvents_AreIgnoredWithReason(string caseName, string json, string reasonFragment)
    {
        var trigger = Assert.IsType<IgnoredEvent>(TriggerClassifier.Classify(json));

        Assert.Contains(reasonFragment, trigger.Reason, StringComparison.Ordinal);
        Assert.NotNull(caseName);
    }

    public static TheoryData<string, string, string> RejectedInline => new()
    {
        { "not JSON", "this is not json", "not valid JSON" },
        { "truncated JSON", """{"source":"aws.events" """, "not valid JSON" },
        { "JSON array", "[1,2,3]", "JSON array" },
        { "JSON string", "\"aws.events\"", "JSON string" },
        { "empty object: missing source", "{}", "no \"source\"" },
        { "source is a number", """{"source":42}""", "JSON number" },
        { "source is empty", """{"source":""}""", "non-empty string" },
        { "duplicate source keys", """{"source":"aws.s3","source":"aws.events"}""", "not valid JSON" },
        { "comments are not JSON", """{"source":"aws.events" /* hi */}""", "not valid JSON" },
        { "detail-type not a string", """{"source":"aws.lambda","detail-type":7,"detail":{}}""", "detail-type" },
        { "aws.lambda without detail", """{"source":"aws.lambda"}""", "no \"detail\" object" },
        { "detail is a string", """{"source":"aws.lambda","detail":"x"}""", "no \"detail\" object" },
        { "missing eventName", """{"source":"aws.lambda","detail":{}}""", "detail.eventName" },
        { "eventName is a number", """{"source":"aws.lambda","detail":{"eventName":5}}""", "detail.eventName" },
        { "CreateFunction naming the function nowhere", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","responseElements":null}}""", "neither detail.responseElements.functionArn nor detail.requestParameters.functionName names the function" },
        { "UpdateFunctionConfiguration with only layers and no requestParameters", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","responseElements":{"layers":[]}}}""", "neither detail.responseElements.functionArn" },
        { "CreateFunction with functionArn a number", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","responseElements":{"functionArn":1}}}""", "detail.responseElements.functionArn" },
        { "CreateFunction with an empty functionArn, even with a requestParameters name", """{"source":"aws.lambda","detail":{"eventName":"CreateFunction20150331","requestParameters":{"functionName":"f"},"responseElements":{"functionArn":""}}}""", "detail.responseElements.functionArn" },
        { "UpdateFunctionConfiguration falling back to a functionName that is an object", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":{"name":"f"}},"responseElements":null}}""", "detail.requestParameters.functionName" },
        { "UpdateFunctionConfiguration falling back to an invalid name", """{"source":"aws.lambda","detail":{"eventName":"UpdateFunctionConfiguration20150331v2","requestParameters":{"functionName":"../etc"},"responseElements":{"omitted":true}}}""", "detail.requestParameters.functionName is not a function" },
        { "TagResource on an ARN of a partition that does not exist", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws-iso-z:lambda:us-isob-east-1:123456789012:function:f"}}}""", "expected one of aws, aws-cn" },
        { "TagResource without resource", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{}}}""", "detail.requestParameters.resource" },
        { "TagResource on something that is not an ARN", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"orders"}}}""", "not an ARN" },
        { "TagResource on a malformed function ARN", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:123:function:f"}}}""", "12 digits" },
        { "DeleteFunction with an invalid name", """{"source":"aws.lambda","detail":{"eventName":"DeleteFunction20150331","requestParameters":{"functionName":"no spaces allowed"}}}""", "function name" },
        { "CreateAlias without name", """{"source":"aws.lambda","detail":{"eventName":"CreateAlias20150331","requestParameters":{"functionName":"f"}}}""", "detail.requestParameters.name" },
        { "CreateAlias with a version number as alias", """{"source":"aws.lambda","detail":{"eventName":"CreateAlias20150331","requestParameters":{"functionName":"f","name":"12"}}}""", "not an alias name" },
        { "DeleteAlias without functionName", """{"source":"aws.lambda","detail":{"eventName":"DeleteAlias20150331","requestParameters":{"name":"live"}}}""", "detail.requestParameters.functionName" },
    };

    [Theory]
    [MemberData(nameof(RejectedInline))]
    public void Classify_MalformedInput_IsRejectedSayingWhatIsWrong(string caseName, string json, string messageFragment)
    {
        var trigger = Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(json));

        Assert.Contains(messageFragment, trigger.Message, StringComparison.Ordinal);
        Assert.NotNull(caseName);
    }

    [Fact]
    public void Classify_DeeplyNestedInput_IsRejectedNotThrown()
    {
        var json = """{"source":"aws.lambda","detail":""" + new string('[', 10_000) + new string(']', 10_000) + "}";

        var trigger = Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(json));

        Assert.Contains("not valid JSON", trigger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OversizedInput_IsRejectedBeforeParsing()
    {
        var bytes = new byte[TriggerClassifier.MaxEventBytes + 1];

        var trigger = Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(bytes));

        Assert.Contains("at most", trigger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_EmptyInput_IsRejected()
    {
        Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(ReadOnlyMemory<byte>.Empty));
    }

    [Fact]
    public void Classify_InvalidUtf8_IsRejected()
    {
        Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(new byte[] { (byte)'{', (byte)'"', 0xff, 0xfe, (byte)'"', (byte)':', (byte)'1', (byte)'}' }));
    }

    [Fact]
    public void Classify_ParsedElementWithInvalidUtf8Source_IsRejectedNotThrown()
    {
        var bytes = "{\"source\":\"aws.\u00ff\"}"u8.ToArray();
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF;
        using var document = JsonDocument.Parse(bytes);

        var trigger = Assert.IsType<RejectedEvent>(TriggerClassifier.Classify(document.RootElement));

        Assert.Contains("UTF-8", trigger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_HostileValue_IsShortenedInTheReason()
    {
        var json = """{"source":"aws.""" + new string('x', 5000) + "\"}";

        var trigger = Assert.IsType<IgnoredEvent>(TriggerClassifier.Classify(json));

        Assert.True(trigger.Reason.Length < 500, trigger.Reason);
    }

    [Fact]
    public void Classify_RandomBytes_NeverThrows()
    {
        var random = new Random(20251122);
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "events"), "*.json").Select(File.ReadAllBytes).ToArray();
        for (var i = 0; i < 2000; i++)
        {
            var source = seeds[random.Next(seeds.Length)];
            var mutated = (byte[])source.Clone();
            for (var j = random.Next(1, 8); j > 0; j--)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(mutated.Length + 1);
            var trigger = TriggerClassifier.Classify(mutated.AsMemory(0, length));
            Assert.NotNull(trigger);
        }
    }

    public static TheoryData<string, string, string> OtherPlaceCases => new()
    {
        { "function in another account", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:us-east-1:210987654321:function:f"}}}""", "account 210987654321" },
        { "function in another region", """{"source":"aws.lambda","detail":{"eventName":"TagResource20170331v2","requestParameters":{"resource":"arn:aws:lambda:eu-west-1:123456789012:function:f"}}}""", "region eu-west-1" },
        { "envelope of another region completes a bare name", """{"source":"aws.lambda","account":"123456789012","region":"us-west-2","detail":{"eventName":"DeleteFunction20150331","requestParameters":{"functionName":"f"}}}""", "region us-west-2" },
    };

    [Theory]
    [MemberData(nameof(OtherPlaceCases))]
    public void Classify_FunctionOutsideConfiguredAccountOrRegion_IsIgnored(string caseName, string json, string reasonFragment)
    {
        var trigger = Assert.IsType<IgnoredEvent>(TriggerClassifier.Classify(json, new TriggerContext("123456789012", "us-east-1")));

        Assert.Contains(reasonFragment, trigger.Reason, StringComparison.Ordinal);
        Assert.NotNull(caseName);
    }

    [Fact]
    public void Classify_BareNameWithoutEnvelope_IsCompletedFromContext()
    {
        var json = """{"source":"aws.lambda","detail":{"eventName":"DeleteFunction20150331","requestParameters":{"functionName":"f"}}}""";

        var trigger = Assert.IsType<TargetedSync>(TriggerClassifier.Classify(json, new TriggerContext("123456789012", "us-east-1")));

        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:f", trigger.Function.ToString());
    }

    [Fact]
    public void Classify_ParsedJsonElement_ClassifiesTheSameAsBytes()
    {
        using var document = JsonDocument.Parse(Sample("tag-resource.json"));

        var fromElement = TriggerClassifier.Classify(document.RootElement);

        Assert.Equal(TriggerClassifier.Classify(Sample("tag-resource.json")), fromElement);
        Assert.Equal(TriggerClassifier.Classify(Encoding.UTF8.GetString(Sample("tag-resource.json"))), fromElement);
    }
}
