namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary><c>PUT /v1/config</c> decoding and validation of service-defaults (<c>structs.DecodeConfigEntry</c>, <c>ServiceConfigEntry.Validate</c>).</summary>
public sealed class ConfigEntryDecodingTests : IClassFixture<ConsulTargetFixture>
{
    private readonly ConsulTargetFixture _fixture;

    public ConfigEntryDecodingTests(ConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    public static TheoryData<string, string, int, string> RejectedCases => new()
    {
        { "unknown key", "{\"Kind\":\"service-defaults\",\"Name\":\"d1\",\"Bogus\":1}", 400,
            "Request decoding failed: 1 error occurred:\n\t* invalid config key \"Bogus\"\n\n" },
        { "kind not a string", "{\"Kind\":5,\"Name\":\"d1\"}", 400, "Request decoding failed: Kind value in payload is not a string" },
        { "unknown kind", "{\"Kind\":\"service-default\",\"Name\":\"d1\"}", 400, "Request decoding failed: invalid config entry kind: service-default" },
        { "empty body", "", 400, "Request decoding failed: EOF" },
        { "missing name", "{\"Kind\":\"service-defaults\"}", 500, "Name is required" },
        { "wildcard name", "{\"Kind\":\"service-defaults\",\"Name\":\"*\"}", 500,
            "service-defaults name must be the name of a service, and not a wildcard" },
    };

    [Theory]
    [MemberData(nameof(RejectedCases))]
    public async Task ConfigPut_Rejected_ReturnsConsulStatusAndText(string caseName, string body, int status, string text)
    {
        var reply = await Api.PutAsync("/v1/config", body);

        Assert.True(status == reply.Status, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.Equal(text, reply.Body);
    }

    public static TheoryData<string, string, string> InvalidContentCases => new()
    {
        { "lambda extension without ARN",
            "{\"Kind\":\"service-defaults\",\"Name\":\"d2\",\"EnvoyExtensions\":[{\"Name\":\"builtin/aws/lambda\",\"Arguments\":{\"Region\":\"us-east-1\"}}]}",
            "ARN is required" },
        { "unknown extension",
            "{\"Kind\":\"service-defaults\",\"Name\":\"d2\",\"EnvoyExtensions\":[{\"Name\":\"builtin/nope\"}]}",
            "name \"builtin/nope\" is not a built-in extension" },
        { "extension without name",
            "{\"Kind\":\"service-defaults\",\"Name\":\"d2\",\"EnvoyExtensions\":[{\"Arguments\":{}}]}",
            "invalid EnvoyExtensions[0]: Name is required" },
        { "65 meta pairs",
            "{\"Kind\":\"service-defaults\",\"Name\":\"d2\",\"Meta\":{" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"k{i}\":\"v\"")) + "}}",
            "Meta exceeds maximum element count 64" },
        { "meta value longer than 512",
            "{\"Kind\":\"service-defaults\",\"Name\":\"d2\",\"Meta\":{\"k\":\"" + new string('v', 513) + "\"}}",
            "Meta value for key \"k\" exceeds maximum length 512" },
    };

    [Theory]
    [MemberData(nameof(InvalidContentCases))]
    public async Task ConfigPut_InvalidServiceDefaults_Returns500(string caseName, string body, string fragment)
    {
        var reply = await Api.PutAsync("/v1/config", body);

        Assert.True(reply.Status == 500, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.Contains(fragment, reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigPut_ConsulPrefixedMeta_IsAllowedUnlikeServiceMeta()
    {
        var name = ConsulApi.UniqueName("cmeta");

        var reply = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Meta\":{\"consul-owner\":\"x\"}}");

        Assert.Equal("true", reply.Body);
    }

    [Fact]
    public async Task ConfigGet_NameCase_IsMatchedCaseInsensitivelyButStoredAsWritten()
    {
        var name = "Mixed" + ConsulApi.UniqueName("case");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\"}");

        var read = await Api.GetAsync($"/v1/config/service-defaults/{name.ToLowerInvariant()}");

        Assert.Equal(200, read.Status);
        Assert.Equal(name, read.Json().GetProperty("Name").GetString());
    }

    [Fact]
    public async Task ConfigList_Kind_ReturnsArrayOrderedByName()
    {
        var prefix = ConsulApi.UniqueName("order");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + prefix + "-b\"}");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + prefix + "-a\"}");

        var names = (await Api.GetAsync("/v1/config/service-defaults")).Json().EnumerateArray()
            .Select(e => e.GetProperty("Name").GetString()!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        Assert.Equal([prefix + "-a", prefix + "-b"], names);
    }

    [Fact]
    public async Task ConfigPut_WrongMethodOnList_Returns405WithAllow()
    {
        var reply = await Api.PutAsync("/v1/config/service-defaults", "{}");

        Assert.Equal(405, reply.Status);
        Assert.Equal("OPTIONS,GET,DELETE", reply.Header("Allow"));
    }
}
