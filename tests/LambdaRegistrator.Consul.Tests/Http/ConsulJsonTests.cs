using System.Text;
using System.Text.Json;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Connect;
using LambdaRegistrator.Consul.Http;

namespace LambdaRegistrator.Consul.Tests.Http;

public sealed class ConsulJsonTests
{
    private static string Write<T>(T value) => Encoding.UTF8.GetString(ConsulJson.Serialize(value));

    private static T Read<T>(string json) => ConsulJson.Deserialize<T>(Encoding.UTF8.GetBytes(json)) ?? throw new InvalidOperationException("null");

    [Fact]
    public void Serialize_LambdaRegistration_OnlyFieldsThatAreSet()
    {
        var registration = new CatalogRegistration
        {
            Node = "lambdas",
            SkipNodeUpdate = true,
            NodeMeta = new Dictionary<string, string> { ["external-node"] = "true", ["external-probe"] = "true" },
            Service = new AgentService
            {
                Id = "fn",
                Service = "fn",
                Tags = ["managed-by-lambda-registrator"],
                Meta = new Dictionary<string, string> { ["owner"] = "123/eu-west-1" },
            },
        };

        Assert.Equal(
            """{"Node":"lambdas","NodeMeta":{"external-node":"true","external-probe":"true"},"Service":{"ID":"fn","Service":"fn","Tags":["managed-by-lambda-registrator"],"Meta":{"owner":"123/eu-west-1"}},"SkipNodeUpdate":true}""",
            Write(registration));
    }

    [Fact]
    public void Serialize_EmptyCollectionsAndDefaults_Omitted()
    {
        var registration = new CatalogRegistration { Node = "n", Service = new AgentService { Service = "s", Tags = [], Meta = new Dictionary<string, string>() } };

        Assert.Equal("""{"Node":"n","Service":{"ID":"","Service":"s"}}""", Write(registration));
    }

    [Fact]
    public void Serialize_EnterpriseFields_SentOnlyWhenSet()
    {
        var registration = new CatalogRegistration
        {
            Node = "n",
            Datacenter = "dc2",
            Partition = "p1",
            Service = new AgentService { Id = "s", Service = "s", Namespace = "ns1", Partition = "p1", Port = 8080, Address = "10.0.0.1" },
        };

        Assert.Equal(
            """{"Node":"n","Datacenter":"dc2","Service":{"ID":"s","Service":"s","Port":8080,"Address":"10.0.0.1","Namespace":"ns1","Partition":"p1"},"Partition":"p1"}""",
            Write(registration));
    }

    [Fact]
    public void Serialize_Deregistration_NodeAndServiceOnly()
    {
        Assert.Equal("""{"Node":"lambdas","ServiceID":"fn"}""", Write(new CatalogDeregistration { Node = "lambdas", ServiceId = "fn" }));
    }

    [Fact]
    public void Serialize_ServiceDefaultsWithLambdaExtension_MatchesConsulShape()
    {
        var entry = new ServiceDefaultsEntry
        {
            Name = "fn",
            Protocol = "http",
            Meta = new Dictionary<string, string> { ["owner"] = "me" },
            EnvoyExtensions = [EnvoyExtension.AwsLambda("arn:aws:lambda:eu-west-1:123456789012:function:fn", payloadPassthrough: true, invocationMode: "ASYNCHRONOUS")],
        };

        Assert.Equal(
            """{"Kind":"service-defaults","Name":"fn","Protocol":"http","Meta":{"owner":"me"},"EnvoyExtensions":[{"Name":"builtin/aws/lambda","Required":false,"Arguments":{"arn":"arn:aws:lambda:eu-west-1:123456789012:function:fn","payloadPassthrough":true,"invocationMode":"asynchronous"}}]}""",
            Write(entry));
    }

    [Fact]
    public void Serialize_ServiceDefaultsReadBack_IndexesAndNamespaceOmittedWhenUnset()
    {
        Assert.Equal("""{"Kind":"service-defaults","Name":"fn"}""", Write(new ServiceDefaultsEntry { Name = "fn" }));
    }

    public static TheoryData<string, string> EmptyNodeServicesCases => new()
    {
        { "unknown node: both null", """{"Node":null,"Services":null}""" },
        { "empty list", """{"Node":null,"Services":[]}""" },
        { "fields missing", "{}" },
    };

    [Theory]
    [MemberData(nameof(EmptyNodeServicesCases))]
    public void Deserialize_NodeServicesNullOrEmpty_ReadAlike(string caseName, string json)
    {
        var list = Read<CatalogNodeServiceList>(json);

        Assert.True(list.Node is null, caseName);
        Assert.True(list.Services.Count == 0, caseName);
    }

    public static TheoryData<string, string> EmptyServiceFieldsCases => new()
    {
        { "null collections", """{"ID":"a","Service":"a","Tags":null,"Meta":null}""" },
        { "empty collections", """{"ID":"a","Service":"a","Tags":[],"Meta":{}}""" },
        { "missing collections", """{"ID":"a","Service":"a"}""" },
    };

    [Theory]
    [MemberData(nameof(EmptyServiceFieldsCases))]
    public void Deserialize_ServiceCollectionsNullOrEmpty_ReadAlike(string caseName, string json)
    {
        var service = Read<AgentService>(json);

        Assert.True(service.Tags.Count == 0, caseName);
        Assert.True(service.Meta.Count == 0, caseName);
    }

    [Fact]
    public void Deserialize_NodeServicesFromConsul_UnknownFieldsIgnored()
    {
        const string json = """
            {"Node":{"ID":"","Node":"lambdas","Address":"","Datacenter":"dc1","TaggedAddresses":null,"Meta":{"external-node":"true"},"CreateIndex":12,"ModifyIndex":12},
             "Services":[{"ID":"fn","Service":"fn","Tags":["managed-by-lambda-registrator"],"Address":"","Meta":{"owner":"me"},"Weights":{"Passing":1,"Warning":1},
               "EnableTagOverride":false,"Proxy":{"Mode":"","MeshGateway":{},"Expose":{}},"Connect":{},"PeerName":"","CreateIndex":13,"ModifyIndex":18446744073709551615}]}
            """;

        var list = Read<CatalogNodeServiceList>(json);

        Assert.Equal("lambdas", list.Node?.Name);
        Assert.Equal("true", list.Node?.Meta["external-node"]);
        var service = Assert.Single(list.Services);
        Assert.Equal("fn", service.Id);
        Assert.Equal(["managed-by-lambda-registrator"], service.Tags);
        Assert.Equal(ulong.MaxValue, service.ModifyIndex);
    }

    [Fact]
    public void Deserialize_ServiceDefaultsFromConsul_ToleratesUnmodelledFields()
    {
        const string json = """
            {"Kind":"service-defaults","Name":"fn","Protocol":"http","TransparentProxy":{},"MeshGateway":{},"Expose":{},
             "EnvoyExtensions":[{"Name":"builtin/aws/lambda","Required":false,"Arguments":{"ARN":"arn:x","PayloadPassthrough":true},"ConsulVersion":"","EnvoyVersion":""}],
             "Meta":{"owner":"me"},"Hash":14697253729873619452,"CreateIndex":20,"ModifyIndex":21}
            """;

        var entry = Read<ServiceDefaultsEntry>(json);

        Assert.Equal("fn", entry.Name);
        Assert.Equal(21UL, entry.ModifyIndex);
        var extension = Assert.Single(entry.EnvoyExtensions);
        Assert.Equal("arn:x", extension.Arguments["ARN"].GetString());
        Assert.True(extension.Arguments["PayloadPassthrough"].GetBoolean());
    }

    [Fact]
    public void Deserialize_LowerCaseKeys_ReadLikeGo()
    {
        var entry = Read<ServiceDefaultsEntry>("""{"kind":"service-defaults","name":"fn","protocol":"grpc","envoyExtensions":null,"meta":null}""");

        Assert.Equal("grpc", entry.Protocol);
        Assert.Empty(entry.EnvoyExtensions);
        Assert.Empty(entry.Meta);
    }

    [Fact]
    public void Deserialize_CatalogServices_NullTagsAllowed()
    {
        var services = Read<Dictionary<string, List<string>>>("""{"consul":[],"fn":["managed-by-lambda-registrator"],"odd":null}""");

        Assert.Equal(3, services.Count);
        Assert.Null(services["odd"]);
    }

    [Fact]
    public void Deserialize_CaRoots_RootCertAndActiveRoot()
    {
        const string json = """
            {"ActiveRootID":"b","TrustDomain":"11111111-2222-3333-4444-555555555555.consul",
             "Roots":[{"ID":"a","Name":"old","SerialNumber":7,"RootCert":"PEM-A","Active":false,"CreateIndex":1,"ModifyIndex":2},
                      {"ID":"b","Name":"new","RootCert":"PEM-B","IntermediateCerts":null,"Active":true,"NotBefore":"2026-01-01T00:00:00Z","NotAfter":"2036-01-01T00:00:00Z"}]}
            """;

        var roots = Read<CARootList>(json);

        Assert.Equal("PEM-B", roots.ActiveRoot?.RootCertPEM);
        Assert.Empty(roots.Roots[1].IntermediateCerts);
        Assert.Equal(new DateTimeOffset(2036, 1, 1, 0, 0, 0, TimeSpan.Zero), roots.Roots[1].NotAfter);
    }

    [Fact]
    public void Deserialize_LeafCert_TimesParsedAndKeyHiddenFromToString()
    {
        const string json = """
            {"SerialNumber":"0a:0b","CertPEM":"CERT","PrivateKeyPEM":"-----BEGIN EC PRIVATE KEY-----secret","Service":"fn",
             "ServiceURI":"spiffe://t.consul/ns/default/dc/dc1/svc/fn","ValidAfter":"2026-11-21T00:00:00Z","ValidBefore":"2026-11-24T00:00:00.5+01:00",
             "CreateIndex":5,"ModifyIndex":5}
            """;

        var leaf = Read<LeafCert>(json);

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 0, 0, 0, 500, TimeSpan.FromHours(1)), leaf.ValidBefore);
        Assert.DoesNotContain("secret", leaf.ToString(), StringComparison.Ordinal);
        Assert.Contains("PrivateKeyPEM = (set)", leaf.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_ServiceDefaultsThroughTheGenericEntry_SameJsonObjectAsTyped()
    {
        var typed = new ServiceDefaultsEntry
        {
            Name = "fn",
            Protocol = "http",
            Meta = new Dictionary<string, string> { ["owner"] = "me" },
            EnvoyExtensions = [EnvoyExtension.AwsLambda("arn:aws:lambda:eu-west-1:123456789012:function:fn", payloadPassthrough: true, invocationMode: "asynchronous")],
        };

        var generic = ServiceDefaultsClientExtensions.ToConfigEntry(typed);

        using var expected = JsonDocument.Parse(Write(typed));
        using var actual = JsonDocument.Parse(Write(generic));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), Write(generic));
        Assert.Equal(typed, ServiceDefaultsClientExtensions.FromConfigEntry(generic) with { Meta = typed.Meta, EnvoyExtensions = typed.EnvoyExtensions });
    }

    [Fact]
    public void Deserialize_ConfigEntryOfAnyKind_UnmodelledFieldsKeptAsSentAndWrittenBack()
    {
        const string json = """{"Kind":"terminating-gateway","Name":"gw","Services":[{"Name":"db","CAFile":"/ca.pem"}],"Meta":null,"CreateIndex":7,"ModifyIndex":9,"Hash":123}""";

        var entry = Read<ConfigEntry>(json);

        Assert.Equal("terminating-gateway", entry.Kind);
        Assert.Empty(entry.Meta);
        Assert.Equal(9UL, entry.ModifyIndex);
        Assert.Equal("/ca.pem", entry.Fields!["Services"][0].GetProperty("CAFile").GetString());
        Assert.Equal(
            """{"Kind":"terminating-gateway","Name":"gw","CreateIndex":7,"ModifyIndex":9,"Services":[{"Name":"db","CAFile":"/ca.pem"}],"Hash":123}""",
            Write(entry));
    }

    [Fact]
    public void AwsLambda_Arguments_AreTypedJson()
    {
        var extension = EnvoyExtension.AwsLambda("arn:aws:lambda:us-east-1:1:function:f", payloadPassthrough: false, invocationMode: "Synchronous");

        Assert.Equal(JsonValueKind.False, extension.Arguments["payloadPassthrough"].ValueKind);
        Assert.Equal("synchronous", extension.Arguments["invocationMode"].GetString());
    }
}
