using LambdaRegistrator.ConsulSimulator.Acl;

namespace LambdaRegistrator.ConsulSimulator.Tests.Unit;

public sealed class AclRulesParserTests
{
    private const string Hcl = """
        # Lambda registrator
        service_prefix "" { policy = "read" }
        service_prefix "fn-" {
          policy = "write"
        }
        service "fn-secret" { policy = "deny" }
        node "lambdas" { policy = "write" }
        key_prefix "" { policy = "deny" }
        operator = "read"
        """;

    private const string Json = """
        {
          "service_prefix": { "": { "policy": "read" }, "fn-": { "policy": "write" } },
          "service": [ { "fn-secret": { "policy": "deny" } } ],
          "node": { "lambdas": { "policy": "write" } },
          "operator": "read"
        }
        """;

    public static TheoryData<string, string, string, string, string?> LookupCases()
    {
        var data = new TheoryData<string, string, string, string, string?>();
        foreach (var (form, rules) in new[] { ("HCL", Hcl), ("JSON", Json) })
        {
            data.Add($"{form}: longest prefix wins", rules, "Service", "fn-orders", "Write");
            data.Add($"{form}: empty prefix matches everything", rules, "Service", "web", "Read");
            data.Add($"{form}: exact rule beats prefix", rules, "Service", "fn-secret", "Deny");
            data.Add($"{form}: exact node rule", rules, "Node", "lambdas", "Write");
            data.Add($"{form}: exact node rule is not a prefix", rules, "Node", "lambdas-2", null);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(LookupCases))]
    public void Lookup_ParsedRules_FollowsConsulMatching(string caseName, string rules, string resource, string name, string? expected)
    {
        var set = AclRulesParser.TryParse(rules, out var error);

        Assert.True(set is not null, $"{caseName}: {error}");
        Assert.Equal(expected, set.Lookup(Enum.Parse<AclResource>(resource), name)?.ToString());
    }

    [Fact]
    public void MergeFrom_SameRuleInTwoPolicies_DenyWins()
    {
        var merged = new AclRuleSet();
        merged.MergeFrom(AclRulesParser.TryParse("service \"web\" { policy = \"write\" }", out _)!);
        merged.MergeFrom(AclRulesParser.TryParse("service \"web\" { policy = \"deny\" }", out _)!);

        Assert.Equal(AccessLevel.Deny, merged.Lookup(AclResource.Service, "web"));
    }

    public static TheoryData<string, string> InvalidRules => new()
    {
        { "unknown policy value", "service \"web\" { policy = \"admin\" }" },
        { "unknown resource", "spaceship \"x\" { policy = \"read\" }" },
        { "missing brace", "service \"web\" { policy = \"read\"" },
        { "block without policy", "service \"web\" { intentions = \"read\" }" },
        { "JSON rule without policy", "{\"service\":{\"web\":{}}}" },
    };

    [Theory]
    [MemberData(nameof(InvalidRules))]
    public void TryParse_InvalidRules_ReturnsError(string caseName, string rules)
    {
        var set = AclRulesParser.TryParse(rules, out var error);

        Assert.Null(set);
        Assert.False(string.IsNullOrEmpty(error), caseName);
    }
}
