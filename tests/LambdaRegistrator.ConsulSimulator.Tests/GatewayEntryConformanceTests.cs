using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// terminating-gateway and exported-services entries on Community Edition, against <see cref="ConsulTargetFixture"/>:
/// decoding (aliases, unknown nested keys), Normalize and Validate texts, name rules, output shape, CAS and listing.
/// </summary>
public sealed class GatewayEntryConformanceTests : IClassFixture<ConsulTargetFixture>
{
    private readonly ConsulTargetFixture _fixture;

    public GatewayEntryConformanceTests(ConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    private static string Gateway(string name, string services) =>
        "{\"Kind\":\"terminating-gateway\",\"Name\":\"" + name + "\",\"Services\":" + services + "}";

    private static string Exports(string services, string name = "default") =>
        "{\"Kind\":\"exported-services\",\"Name\":\"" + name + "\",\"Services\":" + services + "}";

    [ConsulVersionFact("1.18.0")] // Hash in the output: Consul 1.16.5, 1.17.2 and 1.18.0 on.
    public async Task TerminatingGatewayPut_WithServices_ReadsBackInConsulShape()
    {
        var name = ConsulApi.UniqueName("tgw");

        var reply = await Api.PutAsync("/v1/config",
            Gateway(name, "[{\"Name\":\"legacy\",\"ca_file\":\"/ca.pem\",\"SNI\":\"legacy.example\"},{\"name\":\"fn-orders\"}]"));
        var entry = (await Api.GetAsync($"/v1/config/terminating-gateway/{name}")).Json();

        Assert.Equal("true", reply.Body);
        Assert.Equal(["Kind", "Name", "Services", "Hash", "CreateIndex", "ModifyIndex"], entry.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("{\"Name\":\"legacy\",\"CAFile\":\"/ca.pem\",\"SNI\":\"legacy.example\"}", entry.GetProperty("Services")[0].GetRawText());
        Assert.Equal("{\"Name\":\"fn-orders\"}", entry.GetProperty("Services")[1].GetRawText());
        Assert.NotEqual(0UL, entry.GetProperty("Hash").GetUInt64());
    }

    [Fact]
    public async Task TerminatingGatewayPut_Cas_FollowsModifyIndex()
    {
        var name = ConsulApi.UniqueName("tgcas");
        await Api.PutAsync("/v1/config?cas=0", Gateway(name, "[{\"Name\":\"a\"}]"));
        var index = (await Api.GetAsync($"/v1/config/terminating-gateway/{name}")).Json().GetProperty("ModifyIndex").GetUInt64();

        var stale = await Api.PutAsync($"/v1/config?cas={index + 1000}", Gateway(name, "[{\"Name\":\"a\"},{\"Name\":\"b\"}]"));
        var fresh = await Api.PutAsync($"/v1/config?cas={index}", Gateway(name, "[{\"Name\":\"a\"},{\"Name\":\"b\"}]"));

        Assert.Equal(("false", "true"), (stale.Body, fresh.Body));
        Assert.Equal(2, (await Api.GetAsync($"/v1/config/terminating-gateway/{name}")).Json().GetProperty("Services").GetArrayLength());
    }

    public static TheoryData<string, string, int, string> RejectedGatewayCases => new()
    {
        { "unknown key of a linked service", "[{\"Name\":\"a\",\"Bogus\":1}]", 400,
            "Request decoding failed: 1 error occurred:\n\t* invalid config key \"Services[0].Bogus\"\n\n" },
        { "namespace of a linked service on CE", "[{\"Name\":\"a\",\"Namespace\":\"ns\"}]", 400,
            "Request decoding failed: 1 error occurred:\n\t* invalid config key \"Services[0].Namespace\", namespaces are a consul enterprise feature\n\n" },
        { "blank service name", "[{\"SNI\":\"x\"}]", 500, "Service name cannot be blank." },
        { "service twice", "[{\"Name\":\"a\"},{\"Name\":\"a\"}]", 500, "Service \"a\" was specified more than once within a namespace" },
        { "client certificate without CA", "[{\"Name\":\"a\",\"CertFile\":\"/c.pem\",\"KeyFile\":\"/k.pem\"}]", 500,
            "Service \"a\" must have a CertFile, CAFile, and KeyFile specified for TLS origination" },
    };

    [Theory]
    [MemberData(nameof(RejectedGatewayCases))]
    public async Task TerminatingGatewayPut_Invalid_ReturnsConsulText(string caseName, string services, int status, string text)
    {
        var reply = await Api.PutAsync("/v1/config", Gateway(ConsulApi.UniqueName("tgbad"), services));

        Assert.True(status == reply.Status, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.Equal(text, reply.Body);
    }

    [Fact]
    public async Task TerminatingGatewayList_OrderedByName()
    {
        var prefix = ConsulApi.UniqueName("tglist");
        await Api.PutAsync("/v1/config", Gateway(prefix + "-b", "[]"));
        await Api.PutAsync("/v1/config", Gateway(prefix + "-a", "[]"));

        var names = (await Api.GetAsync("/v1/config/terminating-gateway")).Json().EnumerateArray()
            .Select(e => e.GetProperty("Name").GetString()!).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToArray();

        Assert.Equal([prefix + "-a", prefix + "-b"], names);
    }

    [Fact]
    public async Task ExportedServicesPut_PeerConsumers_ReadsBackWithKindAndNoNamespace()
    {
        var service = ConsulApi.UniqueName("exp");

        var reply = await Api.PutAsync("/v1/config",
            Exports("[{\"Name\":\"" + service + "\",\"Namespace\":\"\",\"Consumers\":[{\"Peer\":\"east\"},{\"peer_name\":\"west\"}]}]"));
        var entry = (await Api.GetAsync("/v1/config/exported-services/default")).Json();

        Assert.Equal("true", reply.Body);
        Assert.Equal("Kind", entry.EnumerateObject().First().Name);
        Assert.Equal("exported-services", entry.GetProperty("Kind").GetString());
        Assert.Equal("{\"Name\":\"" + service + "\",\"Consumers\":[{\"Peer\":\"east\"},{\"Peer\":\"west\"}]}", entry.GetProperty("Services")[0].GetRawText());
        Assert.False(entry.TryGetProperty("Hash", out _));
        await Api.DeleteAsync("/v1/config/exported-services/default");
    }

    public static TheoryData<string, string, int, string> RejectedExportsCases => new()
    {
        { "name other than default on CE", Exports("[]", "other"), 500, "exported-services Name must be \"default\"" },
        { "partition consumer on CE", Exports("[{\"Name\":\"s\",\"Consumers\":[{\"Partition\":\"p2\"}]}]"), 500,
            "Services[0].Consumers[0]: partitions are an enterprise-only feature" },
        { "no consumer", Exports("[{\"Name\":\"s\"}]"), 500, "Services[0]: must have at least one consumer" },
        { "empty service name", Exports("[{\"Consumers\":[{\"Peer\":\"p\"}]}]"), 500, "Services[0]: service name cannot be empty" },
        { "all peers", Exports("[{\"Name\":\"s\",\"Consumers\":[{\"Peer\":\"*\"}]}]"), 500,
            "Services[0].Consumers[0]: exporting to all peers (wildcard) is not supported" },
        { "Hash is no field of exported-services", "{\"Kind\":\"exported-services\",\"Name\":\"default\",\"Hash\":5}", 400,
            "Request decoding failed: 1 error occurred:\n\t* invalid config key \"Hash\"\n\n" },
    };

    [Theory]
    [MemberData(nameof(RejectedExportsCases))]
    public async Task ExportedServicesPut_Invalid_ReturnsConsulText(string caseName, string body, int status, string text)
    {
        var reply = await Api.PutAsync("/v1/config", body);

        Assert.True(status == reply.Status, $"{caseName}: {reply.Status} {reply.Body}");
        Assert.Equal(text, reply.Body);
    }

    [ConsulVersionFact("1.16.0")] // SamenessGroup consumers: Consul 1.16 on.
    public async Task ExportedServicesPut_SamenessGroupOnCommunityEdition_Returns500()
    {
        var reply = await Api.PutAsync("/v1/config", Exports("[{\"Name\":\"s\",\"Consumers\":[{\"SamenessGroup\":\"g\"}]}]"));

        Assert.Equal((500, "Services[0].Consumers[0]: sameness-groups are an enterprise-only feature"), (reply.Status, reply.Body));
    }
}
