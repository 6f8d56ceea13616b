using System.Text.Json;
using LambdaRegistrator.TestKit.Consul;
using Xunit.Abstractions;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// Consul HTTP API facts a sync relies on (catalog, config entries, headers, blocking; ACL facts are in
/// <see cref="AclConformanceTests"/>), driven with
/// a raw HttpClient against <see cref="ConsulTarget"/>: a real <c>consul agent -dev</c> when consul is on PATH,
/// otherwise the simulator. Each test uses its own node and service names.
/// </summary>
public sealed class ConformanceTests : IClassFixture<ConsulTargetFixture>
{
    private readonly ConsulTargetFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ConformanceTests(ConsulTargetFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
        _output.WriteLine($"Consul target: {fixture.Target.Kind} at {fixture.Target.Address} ({ConsulBinary.Describe()})");
    }

    private ConsulApi Api => _fixture.Api;

    private static string Register(string node, string? service = null, string extra = "", string serviceExtra = "", bool skipNodeUpdate = true) =>
        "{\"Node\":\"" + node + "\",\"SkipNodeUpdate\":" + (skipNodeUpdate ? "true" : "false") + extra
        + (service is null ? "" : ",\"Service\":{\"Service\":\"" + service + "\"" + serviceExtra + "}") + "}";

    [Fact]
    public void ConformanceTarget_Chosen_MatchesConsulOnPath()
    {
        var expected = ConsulBinary.UseRealConsul ? ConsulTargetKind.RealConsul : ConsulTargetKind.Simulator;
        Assert.Equal(expected, _fixture.Target.Kind);
    }

    [RealConsulFact]
    public void ConformanceTarget_ConsulOnPath_IsRealConsul() => Assert.Equal(ConsulTargetKind.RealConsul, _fixture.Target.Kind);

    [Fact]
    public async Task Register_PostMethod_Returns405WithAllowHeader()
    {
        var reply = await Api.SendAsync(HttpMethod.Post, "/v1/catalog/register", "{}");

        Assert.Equal(405, reply.Status);
        Assert.Equal("OPTIONS,PUT", reply.Header("Allow"));
        Assert.Equal("method POST not allowed", reply.Body);
    }

    public static TheoryData<string, string, string> UnknownFieldCases => new()
    {
        { "Datacenter inside Service", "{\"Node\":\"n\",\"Address\":\"1.2.3.4\",\"Service\":{\"Service\":\"s\",\"Datacenter\":\"dc1\"}}", "Datacenter" },
        { "ContentHash at the top level", "{\"Node\":\"n\",\"Address\":\"1.2.3.4\",\"ContentHash\":\"x\"}", "ContentHash" },
        { "Partition on Community Edition", "{\"Node\":\"n\",\"Address\":\"1.2.3.4\",\"Partition\":\"p\"}", "Partition" },
    };

    [Theory]
    [MemberData(nameof(UnknownFieldCases))]
    public async Task Register_UnknownField_Returns400DecodeFailed(string caseName, string body, string field)
    {
        _output.WriteLine(caseName);
        var reply = await Api.PutAsync("/v1/catalog/register", body);

        Assert.Equal(400, reply.Status);
        Assert.Equal($"Request decode failed: json: unknown field \"{field}\"", reply.Body);
        Assert.StartsWith("text/plain", reply.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_LowerCaseKeys_AreAccepted()
    {
        var node = ConsulApi.UniqueName("lc");
        var reply = await Api.PutAsync("/v1/catalog/register", "{\"node\":\"" + node + "\",\"address\":\"10.0.0.1\",\"service\":{\"service\":\"lc-svc\",\"port\":80}}");

        Assert.Equal(200, reply.Status);
        var services = (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Json();
        Assert.Equal("10.0.0.1", services.GetProperty("Node").GetProperty("Address").GetString());
        Assert.Equal("lc-svc", services.GetProperty("Services")[0].GetProperty("Service").GetString());
    }

    [Fact]
    public async Task Register_NamespaceKeyOnCommunityEdition_Returns400WithEnterpriseHint()
    {
        var reply = await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"n\",\"Address\":\"1.2.3.4\",\"Namespace\":\"x\"}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Request decode failed: json: unknown field \"Namespace\" - Namespaces are a Consul Enterprise feature", reply.Body);
    }

    public static TheoryData<string, string, string> ValidationCases => new()
    {
        { "no Node", "{\"Address\":\"1.2.3.4\"}", "Must provide node" },
        { "no Address without SkipNodeUpdate", "{\"Node\":\"v-noaddr\"}", "Must provide address if SkipNodeUpdate is not set" },
        { "service with only an ID", "{\"Node\":\"v-n\",\"SkipNodeUpdate\":true,\"Service\":{\"ID\":\"only-id\"}}",
            "Must provide service name (Service.Service) when service ID is provided" },
        { "service address 0.0.0.0", "{\"Node\":\"v-n\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"s\",\"Address\":\"0.0.0.0\"}}",
            "Invalid service address" },
    };

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public async Task Register_SemanticallyInvalid_Returns500WithConsulText(string caseName, string body, string expected)
    {
        _output.WriteLine(caseName);
        var reply = await Api.PutAsync("/v1/catalog/register", body);

        Assert.Equal(500, reply.Status);
        Assert.Equal(expected, reply.Body);
    }

    [Fact]
    public async Task Register_ServiceWithoutIdAndName_Returns500NameRequired()
    {
        var reply = await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"v-n\",\"SkipNodeUpdate\":true,\"Service\":{\"Port\":80}}");

        Assert.Equal(500, reply.Status);
        Assert.StartsWith("service name (Service.Service) is required; ", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_SkipNodeUpdateForNewNode_CreatesNodeWithEmptyAddress()
    {
        var node = ConsulApi.UniqueName("skip");
        var reply = await Api.PutAsync("/v1/catalog/register", Register(node));

        Assert.Equal(200, reply.Status);
        var read = (await Api.GetAsync($"/v1/catalog/node/{node}")).Json();
        Assert.Equal(node, read.GetProperty("Node").GetProperty("Node").GetString());
        Assert.Equal("", read.GetProperty("Node").GetProperty("Address").GetString());
    }

    public static TheoryData<string, string, string> ServiceMetaCases => new()
    {
        { "reserved consul- prefix", "{\"consul-x\":\"y\"}", "Key prefix 'consul-' is reserved for internal use" },
        { "65 pairs", "{" + string.Join(",", Enumerable.Range(0, 65).Select(i => $"\"k{i}\":\"v\"")) + "}",
            "Node metadata cannot contain more than 64 key/value pairs" },
        { "invalid key characters", "{\"a.b\":\"y\"}", "Key contains invalid characters" },
        { "value longer than 512", "{\"k\":\"" + new string('v', 513) + "\"}", "Value is too long (limit: 512 characters)" },
    };

    [Theory]
    [MemberData(nameof(ServiceMetaCases))]
    public async Task Register_InvalidServiceMeta_Returns500FailedInsertingService(string caseName, string meta, string problem)
    {
        _output.WriteLine(caseName);
        var node = ConsulApi.UniqueName("meta");
        var reply = await Api.PutAsync("/v1/catalog/register", Register(node, "svc", serviceExtra: ",\"Meta\":" + meta));

        Assert.Equal(500, reply.Status);
        Assert.StartsWith($"failed inserting service: Invalid Service Meta for node {node} and serviceID svc: ", reply.Body, StringComparison.Ordinal);
        Assert.Contains(problem, reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NodeMetaWith100Keys_IsAccepted()
    {
        var node = ConsulApi.UniqueName("nm");
        var meta = "{" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"k{i}\":\"v\"")) + "}";
        var reply = await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"" + node + "\",\"Address\":\"10.0.0.2\",\"NodeMeta\":" + meta + "}");

        Assert.Equal(200, reply.Status);
        var read = (await Api.GetAsync($"/v1/catalog/node/{node}")).Json();
        Assert.Equal(100, read.GetProperty("Node").GetProperty("Meta").EnumerateObject().Count());
    }

    [Fact]
    public async Task Register_Success_ReturnsTrueJsonWithoutIndex()
    {
        var reply = await Api.PutAsync("/v1/catalog/register", Register(ConsulApi.UniqueName("ok"), "ok-svc"));

        Assert.Equal(200, reply.Status);
        Assert.Equal("true", reply.Body);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.NotNull(reply.Header("X-Consul-Default-ACL-Policy"));
        Assert.Null(reply.Header("X-Consul-Index"));
    }

    [Fact]
    public async Task Register_SameIdWithOtherTags_ReplacesTagsKeepsCreateIndexBumpsModifyIndex()
    {
        var node = ConsulApi.UniqueName("re");
        await Api.PutAsync("/v1/catalog/register", Register(node, "svc", serviceExtra: ",\"Tags\":[\"a\",\"b\"],\"Meta\":{\"x\":\"1\"}"));
        var first = (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Json().GetProperty("Services")[0];

        await Api.PutAsync("/v1/catalog/register", Register(node, "svc", serviceExtra: ",\"Tags\":[\"c\"]"));
        var second = (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Json().GetProperty("Services")[0];

        Assert.Equal(["c"], second.GetProperty("Tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("Meta").ValueKind);
        Assert.Equal(first.GetProperty("CreateIndex").GetUInt64(), second.GetProperty("CreateIndex").GetUInt64());
        Assert.True(second.GetProperty("ModifyIndex").GetUInt64() > first.GetProperty("ModifyIndex").GetUInt64());
    }

    [Fact]
    public async Task Register_IdenticalTwice_ChangesNoIndex()
    {
        var node = ConsulApi.UniqueName("same");
        var body = Register(node, "svc", serviceExtra: ",\"Tags\":[\"a\"],\"Port\":8080");
        await Api.PutAsync("/v1/catalog/register", body);
        var before = await Api.GetAsync($"/v1/catalog/node-services/{node}");

        var again = await Api.PutAsync("/v1/catalog/register", body);
        var after = await Api.GetAsync($"/v1/catalog/node-services/{node}");

        Assert.Equal(200, again.Status);
        Assert.Equal(before.Index, after.Index);
        Assert.Equal(
            before.Json().GetProperty("Services")[0].GetProperty("ModifyIndex").GetUInt64(),
            after.Json().GetProperty("Services")[0].GetProperty("ModifyIndex").GetUInt64());
    }

    [Fact]
    public async Task Register_SkipNodeUpdateOnExistingNode_IgnoresNewNodeMeta()
    {
        var node = ConsulApi.UniqueName("keep");
        await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"" + node + "\",\"Address\":\"10.0.0.3\",\"NodeMeta\":{\"a\":\"1\"}}");

        await Api.PutAsync("/v1/catalog/register", Register(node, "svc", extra: ",\"NodeMeta\":{\"b\":\"2\"},\"Address\":\"10.9.9.9\""));

        var read = (await Api.GetAsync($"/v1/catalog/node/{node}")).Json().GetProperty("Node");
        Assert.Equal("10.0.0.3", read.GetProperty("Address").GetString());
        Assert.Equal("{\"a\":\"1\"}", read.GetProperty("Meta").GetRawText());
    }

    public static TheoryData<string, string> DeregisterNoopCases => new()
    {
        { "unknown node", "{\"Node\":\"never-registered-node\"}" },
        { "unknown service on unknown node", "{\"Node\":\"never-registered-node\",\"ServiceID\":\"nope\"}" },
        { "unknown check", "{\"Node\":\"never-registered-node\",\"CheckID\":\"nope\"}" },
    };

    [Theory]
    [MemberData(nameof(DeregisterNoopCases))]
    public async Task Deregister_Unknown_Returns200True(string caseName, string body)
    {
        _output.WriteLine(caseName);
        var reply = await Api.PutAsync("/v1/catalog/deregister", body);

        Assert.Equal(200, reply.Status);
        Assert.Equal("true", reply.Body);
    }

    [Fact]
    public async Task Deregister_NodeOnly_RemovesNodeWithServices()
    {
        var node = ConsulApi.UniqueName("gone");
        await Api.PutAsync("/v1/catalog/register", Register(node, "a-svc"));
        await Api.PutAsync("/v1/catalog/register", Register(node, "b-svc"));

        var reply = await Api.PutAsync("/v1/catalog/deregister", "{\"Node\":\"" + node + "\"}");

        Assert.Equal("true", reply.Body);
        Assert.Equal("{\"Node\":null,\"Services\":null}", (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Body);
    }

    [Fact]
    public async Task Deregister_ServiceId_RemovesOnlyThatServiceCaseInsensitively()
    {
        var node = ConsulApi.UniqueName("one");
        await Api.PutAsync("/v1/catalog/register", Register(node, "keep-svc"));
        await Api.PutAsync("/v1/catalog/register", Register(node, "drop-svc"));

        await Api.PutAsync("/v1/catalog/deregister", "{\"Node\":\"" + node.ToUpperInvariant() + "\",\"ServiceID\":\"DROP-SVC\"}");

        var services = (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Json().GetProperty("Services");
        Assert.Equal(["keep-svc"], services.EnumerateArray().Select(s => s.GetProperty("ID").GetString()!).ToArray());
    }

    [Fact]
    public async Task Deregister_WithoutNode_Returns500MustProvideNode()
    {
        var reply = await Api.PutAsync("/v1/catalog/deregister", "{\"ServiceID\":\"x\"}");

        Assert.Equal(500, reply.Status);
        Assert.Equal("Must provide node", reply.Body);
    }

    [Fact]
    public async Task Services_TaggedAndUntagged_ListsDistinctTagsAndEmptyArrays()
    {
        var untagged = ConsulApi.UniqueName("untagged");
        var tagged = ConsulApi.UniqueName("tagged");
        await Api.PutAsync("/v1/catalog/register", Register(ConsulApi.UniqueName("n1"), untagged));
        await Api.PutAsync("/v1/catalog/register", Register(ConsulApi.UniqueName("n2"), tagged, serviceExtra: ",\"Tags\":[\"x\",\"y\"]"));
        await Api.PutAsync("/v1/catalog/register", Register(ConsulApi.UniqueName("n3"), tagged, serviceExtra: ",\"Tags\":[\"y\",\"z\"]"));

        var reply = await Api.GetAsync("/v1/catalog/services");

        Assert.Equal(200, reply.Status);
        var services = reply.Json();
        Assert.Equal("[]", services.GetProperty(untagged).GetRawText());
        Assert.Equal(["x", "y", "z"], services.GetProperty(tagged).EnumerateArray().Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToArray());
        Assert.True(reply.Index > 0);
        Assert.Equal("true", reply.Header("X-Consul-KnownLeader"));
        Assert.NotNull(reply.Header("X-Consul-LastContact"));
        Assert.Equal("leader", reply.Header("X-Consul-Effective-Consistency"));
    }

    [Fact]
    public async Task Services_NodeMeta_MatchesExactlyAndCaseSensitively()
    {
        var node = ConsulApi.UniqueName("meta-node");
        var service = ConsulApi.UniqueName("meta-svc");
        await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"" + node + "\",\"Address\":\"10.0.0.4\",\"NodeMeta\":{\"Env\":\"Prod\"},\"Service\":{\"Service\":\"" + service + "\"}}");

        var exact = (await Api.GetAsync("/v1/catalog/services?node-meta=Env:Prod")).Json();
        var otherCase = (await Api.GetAsync("/v1/catalog/services?node-meta=env:prod")).Json();

        Assert.True(exact.TryGetProperty(service, out _));
        Assert.False(otherCase.TryGetProperty(service, out _));
    }

    public static TheoryData<string, string, string> EnterpriseParameterCases => new()
    {
        { "ns on services", "/v1/catalog/services?ns=x", "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature" },
        { "ns=default on services", "/v1/catalog/services?ns=default", "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature" },
        { "partition on services", "/v1/catalog/services?partition=p", "Invalid query parameter: \"partition\" - Partitions are a Consul Enterprise feature" },
        { "ns on config get", "/v1/config/service-defaults/x?ns=x", "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature" },
    };

    [Theory]
    [MemberData(nameof(EnterpriseParameterCases))]
    public async Task Read_EnterpriseParameterOnCommunityEdition_Returns400(string caseName, string path, string expected)
    {
        _output.WriteLine(caseName);
        var reply = await Api.GetAsync(path);

        Assert.Equal(400, reply.Status);
        Assert.Equal(expected, reply.Body);
    }

    public static TheoryData<string, string, int, string> UnknownReadCases => new()
    {
        { "node", "/v1/catalog/node/never-registered-node", 200, "null" },
        { "node-services", "/v1/catalog/node-services/never-registered-node", 200, "{\"Node\":null,\"Services\":null}" },
        { "service", "/v1/catalog/service/never-registered-service", 200, "[]" },
        { "service without name", "/v1/catalog/service/", 400, "Missing service name" },
        { "node without name", "/v1/catalog/node/", 400, "Missing node name" },
        { "unknown API path", "/v1/catalog/nope", 404, "Invalid URL path: not a recognized HTTP API endpoint\n" },
    };

    [Theory]
    [MemberData(nameof(UnknownReadCases))]
    public async Task Read_Unknown_ReturnsConsulShape(string caseName, string path, int status, string body)
    {
        _output.WriteLine(caseName);
        var reply = await Api.GetAsync(path);

        Assert.Equal(status, reply.Status);
        Assert.Equal(body, reply.Body);
    }

    [Fact]
    public async Task Service_Registered_ReturnsServiceNodeShape()
    {
        var node = ConsulApi.UniqueName("shape");
        var service = ConsulApi.UniqueName("shape-svc");
        await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"" + node + "\",\"Address\":\"10.0.0.5\",\"Service\":{\"Service\":\"" + service + "\",\"Port\":0,\"Weights\":{\"Passing\":0,\"Warning\":0}}}");

        var entry = (await Api.GetAsync($"/v1/catalog/service/{service}")).Json()[0];

        Assert.Equal(node, entry.GetProperty("Node").GetString());
        Assert.Equal("10.0.0.5", entry.GetProperty("Address").GetString());
        Assert.Equal(service, entry.GetProperty("ServiceID").GetString());
        Assert.Equal("[]", entry.GetProperty("ServiceTags").GetRawText());
        Assert.Equal("", entry.GetProperty("ServiceAddress").GetString());
        Assert.Equal(0, entry.GetProperty("ServicePort").GetInt32());
        Assert.Equal(1, entry.GetProperty("ServiceWeights").GetProperty("Passing").GetInt32());
        Assert.Equal(1, entry.GetProperty("ServiceWeights").GetProperty("Warning").GetInt32());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("ServiceMeta").ValueKind);
        Assert.False(entry.TryGetProperty("Namespace", out _));
    }

    [Fact]
    public async Task ConfigPut_WithoutKind_Returns400()
    {
        var reply = await Api.PutAsync("/v1/config", "{\"Name\":\"x\"}");

        Assert.Equal(400, reply.Status);
        Assert.Equal("Request decoding failed: Payload does not contain a kind/Kind key at the top level", reply.Body);
    }

    [Fact]
    public async Task ConfigPut_UnknownProtocol_IsStoredLowerCased()
    {
        var name = ConsulApi.UniqueName("proto");

        var reply = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"FOO\"}");

        Assert.Equal((200, "true"), (reply.Status, reply.Body));
        Assert.Equal("foo", (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Json().GetProperty("Protocol").GetString());
    }

    [Fact]
    public async Task ConfigPut_NamespaceInBodyOnCommunityEdition_Returns400()
    {
        var reply = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"ns-body\",\"Namespace\":\"default\"}");

        Assert.Equal(400, reply.Status);
        Assert.StartsWith("Request decoding failed: ", reply.Body, StringComparison.Ordinal);
        Assert.Contains("namespaces are a consul enterprise feature", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigPut_Cas_FollowsModifyIndexWithNoOpShortCircuit()
    {
        var name = ConsulApi.UniqueName("cas");
        var created = await Api.PutAsync("/v1/config?cas=0", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"http\"}");
        var modifyIndex = (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Json().GetProperty("ModifyIndex").GetUInt64();

        var differentCreateOnly = await Api.PutAsync("/v1/config?cas=0", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"grpc\"}");
        var identicalCreateOnly = await Api.PutAsync("/v1/config?cas=0", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"http\"}");
        var staleCas = await Api.PutAsync($"/v1/config?cas={modifyIndex - 1}", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"tcp\"}");
        var rightCas = await Api.PutAsync($"/v1/config?cas={modifyIndex}", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"tcp\"}");

        Assert.Equal("true", created.Body);
        Assert.Equal("false", differentCreateOnly.Body);
        Assert.Equal("true", identicalCreateOnly.Body);
        Assert.Equal("false", staleCas.Body);
        Assert.Equal("true", rightCas.Body);
        Assert.Equal("tcp", (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Json().GetProperty("Protocol").GetString());
    }

    [Fact]
    public async Task ConfigPut_ProtocolAndAliases_AreNormalised()
    {
        var name = ConsulApi.UniqueName("norm");
        var reply = await Api.PutAsync("/v1/config",
            "{\"kind\":\"service-defaults\",\"name\":\"" + name + "\",\"protocol\":\"HTTP\",\"envoy_extensions\":[{\"name\":\"builtin/aws/lambda\",\"arguments\":{\"ARN\":\"arn:aws:lambda:us-east-1:123456789012:function:f\"}}]}");

        Assert.Equal("true", reply.Body);
        var entry = (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Json();
        Assert.Equal("service-defaults", entry.GetProperty("Kind").GetString());
        Assert.Equal("http", entry.GetProperty("Protocol").GetString());
        Assert.Equal("builtin/aws/lambda", entry.GetProperty("EnvoyExtensions")[0].GetProperty("Name").GetString());
        Assert.True(entry.GetProperty("CreateIndex").GetUInt64() > 0);
    }

    [Fact]
    public async Task ConfigGet_Missing_Returns404TextWithIndex()
    {
        var reply = await Api.GetAsync("/v1/config/service-defaults/missing");

        Assert.Equal(404, reply.Status);
        Assert.Equal("Config entry not found for \"service-defaults\" / \"missing\"", reply.Body);
        Assert.StartsWith("text/plain", reply.ContentType, StringComparison.Ordinal);
        Assert.True(reply.Index > 0);
    }

    [Fact]
    public async Task ConfigDelete_WithoutCas_ReturnsEmptyObjectWhetherOrNotItExists()
    {
        var name = ConsulApi.UniqueName("del");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\"}");

        var existing = await Api.DeleteAsync($"/v1/config/service-defaults/{name}");
        var missing = await Api.DeleteAsync($"/v1/config/service-defaults/{name}");

        Assert.Equal((200, "{}"), (existing.Status, existing.Body));
        Assert.Equal((200, "{}"), (missing.Status, missing.Body));
        Assert.Equal(404, (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Status);
    }

    [Fact]
    public async Task ConfigDelete_Cas_DeletesOnlyAtModifyIndex()
    {
        var name = ConsulApi.UniqueName("delcas");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\"}");
        var modifyIndex = (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Json().GetProperty("ModifyIndex").GetUInt64();

        var wrong = await Api.DeleteAsync($"/v1/config/service-defaults/{name}?cas={modifyIndex + 1000}");
        var right = await Api.DeleteAsync($"/v1/config/service-defaults/{name}?cas={modifyIndex}");

        Assert.Equal("false", wrong.Body);
        Assert.Equal("true", right.Body);
        Assert.Equal(404, (await Api.GetAsync($"/v1/config/service-defaults/{name}")).Status);
    }

    [Fact]
    public async Task ConfigDelete_BogusKind_Returns400()
    {
        var reply = await Api.DeleteAsync("/v1/config/bogus/x");

        Assert.Equal(400, reply.Status);
        Assert.Equal("invalid config entry kind: bogus", reply.Body);
    }

    [Fact]
    public async Task Services_BlockingAtCurrentIndex_TimesOutWithSameIndex()
    {
        var current = await Api.GetAsync("/v1/catalog/services");

        var blocked = await Api.GetAsync($"/v1/catalog/services?index={current.Index}&wait=1s");

        Assert.Equal(200, blocked.Status);
        Assert.Equal(current.Index, blocked.Index);
    }

    [Fact]
    public async Task Services_BlockingQuery_IsReleasedByAWrite()
    {
        var current = await Api.GetAsync("/v1/catalog/services");
        var blocked = Api.GetAsync($"/v1/catalog/services?index={current.Index}&wait=30s");

        await Api.PutAsync("/v1/catalog/register", Register(ConsulApi.UniqueName("wake"), ConsulApi.UniqueName("wake-svc")));
        var released = await blocked;

        Assert.True(released.Index > current.Index);
    }

    public static TheoryData<string, string, string> BadQueryCases => new()
    {
        { "wait without unit", "/v1/catalog/services?wait=2", "Invalid wait time" },
        { "index not a number", "/v1/catalog/services?index=x", "Invalid index" },
        { "stale and consistent", "/v1/catalog/services?stale&consistent", "Cannot specify ?stale with ?consistent, conflicting semantics." },
    };

    [Theory]
    [MemberData(nameof(BadQueryCases))]
    public async Task Services_BadQueryParameter_Returns400(string caseName, string path, string expected)
    {
        _output.WriteLine(caseName);
        var reply = await Api.GetAsync(path);

        Assert.Equal(400, reply.Status);
        Assert.Equal(expected, reply.Body);
    }

    [Fact]
    public async Task Services_UnparsableFilter_Returns500EvaluatorError()
    {
        var reply = await Api.GetAsync("/v1/catalog/services?filter=" + Uri.EscapeDataString("ServiceTags contains"));

        Assert.Equal(500, reply.Status);
        Assert.StartsWith("Failed to create boolean expression evaluator: ", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Services_UnknownDatacenter_Returns500NoPath()
    {
        var reply = await Api.GetAsync("/v1/catalog/services?dc=nowhere");

        Assert.Equal(500, reply.Status);
        Assert.Equal("No path to datacenter", reply.Body);
    }

    public static TheoryData<string, string, string> LambdaArgumentCases => new()
    {
        { "payloadPassthrough as a string", "{\"ARN\":\"arn:aws:lambda:us-east-1:123456789012:function:f\",\"payloadPassthrough\":\"yes\"}",
            "1 error occurred:\n\t* invalid EnvoyExtensions[0][builtin/aws/lambda]: error decoding extension arguments: 1 error(s) decoding:\n\n"
            + "* 'PayloadPassthrough' expected type 'bool', got unconvertible type 'string', value: 'yes'\n\n" },
        { "ARN as a number", "{\"arn\":5}",
            "1 error occurred:\n\t* invalid EnvoyExtensions[0][builtin/aws/lambda]: error decoding extension arguments: 1 error(s) decoding:\n\n"
            + "* 'ARN' expected type 'string', got unconvertible type 'float64', value: '5'\n\n" },
    };

    [Theory]
    [MemberData(nameof(LambdaArgumentCases))]
    public async Task ConfigPut_LambdaArgumentOfWrongType_Returns500NamingTheField(string caseName, string arguments, string expected)
    {
        _output.WriteLine(caseName);
        var reply = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + ConsulApi.UniqueName("args")
            + "\",\"EnvoyExtensions\":[{\"Name\":\"builtin/aws/lambda\",\"Arguments\":" + arguments + "}]}");

        Assert.Equal((500, expected), (reply.Status, reply.Body));
    }

    [Fact]
    public async Task ConfigPut_LambdaArgumentsUnknownKeyAndAnyCase_AreAccepted()
    {
        var reply = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + ConsulApi.UniqueName("argok")
            + "\",\"EnvoyExtensions\":[{\"Name\":\"builtin/aws/lambda\",\"Arguments\":{\"aRn\":\"arn:aws:lambda:us-east-1:123456789012:function:f\","
            + "\"PAYLOADPASSTHROUGH\":true,\"Region\":\"us-east-1\"}}]}");

        Assert.Equal((200, "true"), (reply.Status, reply.Body));
    }

    [Fact]
    public async Task NodeServices_NodeWithoutServices_ServicesIsNull()
    {
        var node = ConsulApi.UniqueName("bare");
        await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"" + node + "\",\"Address\":\"10.0.0.7\"}");

        var reply = (await Api.GetAsync($"/v1/catalog/node-services/{node}")).Json();

        Assert.Equal(node, reply.GetProperty("Node").GetProperty("Node").GetString());
        Assert.Equal(JsonValueKind.Null, reply.GetProperty("Services").ValueKind);
    }

    public static TheoryData<string, string, int> ReadErrorCases => new()
    {
        { "unknown datacenter", "/v1/catalog/services?dc=nowhere", 500 },
        { "unparsable filter", "/v1/catalog/service/x?filter=" + Uri.EscapeDataString("ServiceTags contains"), 500 },
        { "unknown datacenter of node-services", "/v1/catalog/node-services/n?dc=nowhere", 500 },
    };

    [Theory]
    [MemberData(nameof(ReadErrorCases))]
    public async Task CatalogRead_ErrorFromTheRpc_StillCarriesQueryMeta(string caseName, string path, int status)
    {
        var reply = await Api.GetAsync(path);

        Assert.True(status == reply.Status, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.True(reply.Index >= 1, caseName);
        Assert.NotNull(reply.Header("X-Consul-KnownLeader"));
        Assert.NotNull(reply.Header("X-Consul-LastContact"));
    }
}
