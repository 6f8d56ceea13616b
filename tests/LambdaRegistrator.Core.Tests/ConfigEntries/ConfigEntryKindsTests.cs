using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Tests.ConfigEntries;

/// <summary>Config entries of any kind: typed bodies read from Consul's fields, and every field they do not model written back unchanged.</summary>
public sealed class ConfigEntryKindsTests
{
    private static Dictionary<string, JsonElement> Fields(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static string Json(IReadOnlyDictionary<string, JsonElement> fields) =>
        "{" + string.Join(",", fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"\"{f.Key}\":{f.Value.GetRawText()}")) + "}";

    [Fact]
    public void Read_ServiceDefaultsFromConsul_TypedFieldsAndTheRestKeptRaw()
    {
        var fields = Fields("""
            {"Protocol":"http","TransparentProxy":{},"MeshGateway":{"Mode":"local"},
             "EnvoyExtensions":[{"Name":"builtin/aws/lambda","Required":true,"Arguments":{"ARN":"arn:x"},"ConsulVersion":""}]}
            """);

        var body = Assert.IsType<ServiceDefaults>(ConfigEntryKinds.Read("service-defaults", fields));

        Assert.Equal("http", body.Protocol);
        var extension = Assert.Single(body.EnvoyExtensions);
        Assert.Equal("builtin/aws/lambda", extension.Name);
        Assert.True(extension.Required);
        Assert.Equal("arn:x", extension.Arguments["ARN"].GetString());
        Assert.Equal(["MeshGateway", "TransparentProxy"], body.Unknown.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("arn:x", body.InvokedArn(new Dictionary<string, string>()));
    }

    [Fact]
    public void ToFields_ServiceDefaultsReadFromConsul_WritesUnknownFieldsBackUnchanged()
    {
        var fields = Fields("""{"Protocol":"http","MeshGateway":{"Mode":"local"},"Expose":{"Checks":true}}""");

        var written = ConfigEntryKinds.Read("service-defaults", fields).ToFields();

        Assert.Equal("""{"Expose":{"Checks":true},"MeshGateway":{"Mode":"local"},"Protocol":"http"}""", Json(written));
    }

    [Fact]
    public void ToFields_NewServiceDefaults_OmitsEmptyFieldsLikeGo()
    {
        Assert.Empty(new ServiceDefaults(null, []).ToFields());
        Assert.Equal("""{"Protocol":"http"}""", Json(new ServiceDefaults("http", []).ToFields()));
    }

    [Fact]
    public void Read_KindNotModelled_EveryFieldRoundTrips()
    {
        var fields = Fields("""{"Listeners":[{"Port":8080,"Protocol":"http","Services":[{"Name":"web"}]}],"Hash":42}""");

        var body = ConfigEntryKinds.Read("ingress-gateway", fields);

        var raw = Assert.IsType<RawBody>(body);
        Assert.Equal("ingress-gateway", raw.Kind);
        Assert.Equal(Json(fields), Json(raw.ToFields()));
        Assert.Empty(raw.DriftFrom(ConfigEntryKinds.Read("ingress-gateway", fields)));
        Assert.Equal(["ingress-gateway Listeners differs"], raw.DriftFrom(ConfigEntryKinds.Read("ingress-gateway", Fields("""{"Listeners":[],"Hash":42}"""))));
    }

    public static TheoryData<string, string, string, string> Drifts => new()
    {
        { "protocol case only", """{"Protocol":"HTTP"}""", """{"Protocol":"http"}""", "" },
        { "protocol changed", """{"Protocol":"grpc"}""", """{"Protocol":"http"}""", "service-defaults Protocol \"grpc\" -> \"http\"" },
        { "unknown fields are not compared", """{"Protocol":"http","MeshGateway":{"Mode":"local"}}""", """{"Protocol":"http"}""", "" },
        {
            "argument value compared as JSON",
            """{"EnvoyExtensions":[{"Name":"builtin/aws/lambda","Arguments":{"payloadPassthrough":true}}]}""",
            """{"EnvoyExtensions":[{"Name":"builtin/aws/lambda","Arguments":{"payloadPassthrough":false}}]}""",
            "service-defaults EnvoyExtensions[0].Arguments.payloadPassthrough true -> false"
        },
        { "extension missing", """{}""", """{"EnvoyExtensions":[{"Name":"builtin/aws/lambda"}]}""", "service-defaults EnvoyExtensions count 0 -> 1" },
    };

    [Theory]
    [MemberData(nameof(Drifts))]
    public void DriftFrom_ServiceDefaults_NamesWhatDiffers(string caseName, string actual, string wanted, string expected)
    {
        var drift = ConfigEntryKinds.Read("service-defaults", Fields(wanted)).DriftFrom(ConfigEntryKinds.Read("service-defaults", Fields(actual)));

        Assert.True(expected == string.Join("; ", drift), $"{caseName}: {string.Join("; ", drift)}");
    }

    [Fact]
    public void ConfigEntryKey_Equality_IgnoresCaseOfKindAndName()
    {
        var scope = new Core.Planning.ConsulScope("DC1", null, null);

        Assert.Equal(new ConfigEntryKey("Service-Defaults", scope, "Orders"), new ConfigEntryKey("service-defaults", new Core.Planning.ConsulScope("dc1", null, null), "orders"));
        Assert.NotEqual(new ConfigEntryKey("service-defaults", scope, "orders"), new ConfigEntryKey("service-resolver", scope, "orders"));
    }
}
