using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Core.Tests.Configuration;

/// <summary>TERMINATING_GATEWAY, EXPORT_TO and CREATE_GATEWAY_ENTRIES: what is accepted, and the sentence for what is not.</summary>
public sealed class GatewayOptionsTests
{
    private static RegistratorOptionsResult Parse(params (string Name, string Value)[] variables)
    {
        var env = variables.ToDictionary(v => v.Name, v => v.Value);
        return RegistratorOptions.Parse(name => env.TryGetValue(name, out var value) ? value : null);
    }

    [Fact]
    public void Parse_Unset_FeatureOff()
    {
        var options = Parse().Options!;

        Assert.Null(options.TerminatingGateway);
        Assert.Empty(options.ExportTo);
        Assert.False(options.CreateGatewayEntries);
    }

    public static TheoryData<string, string, string, string[], bool> Valid => new()
    {
        { "gateway only", "lambda-gw", "", [], false },
        { "dotted gateway name", "gw.east_1", "", [], false },
        { "peer on CE", "", "peer:dc2", ["peer:dc2"], false },
        { "spaces and empty items ignored", "", " peer:a , ,peer:b ", ["peer:a", "peer:b"], false },
        { "prefix in any case", "", "PEER:dc2", ["peer:dc2"], false },
        { "create with gateway", "gw", "", [], true },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidValues_Accepted(string caseName, string gateway, string exportTo, string[] consumers, bool create)
    {
        var result = Parse(("TERMINATING_GATEWAY", gateway), ("EXPORT_TO", exportTo), ("CREATE_GATEWAY_ENTRIES", create ? "true" : ""));

        Assert.True(result.IsValid, caseName + ": " + string.Join("; ", result.Errors));
        Assert.Equal(gateway.Length == 0 ? null : gateway, result.Options!.TerminatingGateway);
        Assert.Equal(consumers, result.Options.ExportTo.Select(c => c.ToString()));
        Assert.Equal(create, result.Options.CreateGatewayEntries);
    }

    [Fact]
    public void Parse_EnterpriseConsumers_KindsAndConsulFields()
    {
        var result = Parse(("ENTERPRISE", "true"), ("EXPORT_TO", "partition:web,peer:dc2,sameness-group:all"));

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(
            [(ExportConsumerKind.Partition, "Partition", "web"), (ExportConsumerKind.Peer, "Peer", "dc2"), (ExportConsumerKind.SamenessGroup, "SamenessGroup", "all")],
            result.Options!.ExportTo.Select(c => (c.Kind, c.ConsulField, c.Name)));
    }

    public static TheoryData<string, (string, string)[], string, string> Invalid => new()
    {
        { "gateway name with a slash", [("TERMINATING_GATEWAY", "gw/1")], "TERMINATING_GATEWAY", "TERMINATING_GATEWAY=\"gw/1\" is not a Consul service name" },
        { "gateway name ending in a dash", [("TERMINATING_GATEWAY", "gw-")], "TERMINATING_GATEWAY", "is not a Consul service name" },
        { "unknown consumer kind", [("EXPORT_TO", "cluster:dc2")], "EXPORT_TO", "EXPORT_TO=\"cluster:dc2\" is not an export consumer" },
        { "empty consumer name", [("EXPORT_TO", "peer:")], "EXPORT_TO", "is not an export consumer" },
        { "partition on CE", [("EXPORT_TO", "partition:web")], "EXPORT_TO", "EXPORT_TO lists partition:web but ENTERPRISE is false" },
        { "sameness group on CE", [("EXPORT_TO", "sameness-group:g")], "EXPORT_TO", "use peer:<name> or set ENTERPRISE=true" },
        { "consumer twice", [("EXPORT_TO", "peer:a,peer:a")], "EXPORT_TO", "lists peer:a twice" },
        { "create not a boolean", [("TERMINATING_GATEWAY", "gw"), ("CREATE_GATEWAY_ENTRIES", "yes")], "CREATE_GATEWAY_ENTRIES", "is not a boolean" },
        { "create without an entry", [("CREATE_GATEWAY_ENTRIES", "true")], "CREATE_GATEWAY_ENTRIES", "there is no entry to create" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidValues_NamedErrorSayingWhatIsAllowed(string caseName, (string, string)[] variables, string variable, string message)
    {
        var result = Parse(variables);

        Assert.False(result.IsValid, caseName);
        var error = Assert.Single(result.Errors);
        Assert.Equal(variable, error.Variable);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
