using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Tests.Tags;

public sealed class FunctionTagParserTests
{
    private const string P = LambdaTags.Prefix;

    private static Dictionary<string, string> Tags(params string[] pairs)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < pairs.Length; i += 2)
        {
            tags[P + pairs[i]] = pairs[i + 1];
        }

        return tags;
    }

    public static TheoryData<string, Dictionary<string, string>> NotEnabledCases => new()
    {
        { "no tags at all", new Dictionary<string, string>() },
        { "only unrelated tags", new Dictionary<string, string> { ["team"] = "orders" } },
        { "enabled false", Tags("enabled", "false") },
        { "enabled False in another case", Tags("enabled", "False") },
        { "enabled empty", Tags("enabled", "") },
        { "enabled whitespace", Tags("enabled", "  ") },
        { "disabled with an invalid invocation mode is still just disabled", Tags("enabled", "false", "invocation-mode", "bogus") },
        { "enabled key in another case is not the tag", new Dictionary<string, string> { [P + "Enabled"] = "true" } },
    };

    [Theory]
    [MemberData(nameof(NotEnabledCases))]
    public void Parse_NotOptedIn_ReturnsNotEnabled(string caseName, Dictionary<string, string> tags)
    {
        Assert.IsType<NotEnabledTags>(FunctionTagParser.Parse(tags, enterprise: false));
        Assert.NotNull(caseName);
    }

    public static TheoryData<string, Dictionary<string, string>, bool, FunctionRegistration> EnabledCases => new()
    {
        {
            "only enabled: defaults", Tags("enabled", "true"), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, null, null, [])
        },
        {
            "values in any case (Go compares exactly)", Tags("enabled", "TRUE", "payload-passthrough", "True", "invocation-mode", "asynchronous"), false,
            new FunctionRegistration(true, InvocationMode.Asynchronous, null, null, null, [])
        },
        {
            "Go suite: everything passed OSS", Tags("enabled", "true", "payload-passthrough", "true", "invocation-mode", "ASYNCHRONOUS"), false,
            new FunctionRegistration(true, InvocationMode.Asynchronous, null, null, null, [])
        },
        {
            "Go suite: everything passed Enterprise", Tags("enabled", "true", "invocation-mode", "SYNCHRONOUS", "partition", "p", "namespace", "n"), true,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, "p", "n", [])
        },
        {
            "values are trimmed", Tags("enabled", " true ", "datacenter", " dc2 "), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, "dc2", null, null, [])
        },
        {
            "empty optional tags mean unset", Tags("enabled", "true", "datacenter", "", "invocation-mode", "", "payload-passthrough", ""), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, null, null, [])
        },
        {
            "Go suite: aliases a1+a2", Tags("enabled", "true", "aliases", "a1+a2"), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, null, null, ["a1", "a2"])
        },
        {
            "aliases trimmed, empty and duplicate segments dropped", Tags("enabled", "true", "aliases", " prod ++dev+ prod+ "), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, null, null, ["prod", "dev"])
        },
        {
            "alias names with digits, dash and underscore", Tags("enabled", "true", "aliases", "v2+blue-green+canary_1"), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, null, null, null, ["v2", "blue-green", "canary_1"])
        },
        {
            "datacenter tag", Tags("enabled", "true", "datacenter", "dc2"), false,
            new FunctionRegistration(false, InvocationMode.Synchronous, "dc2", null, null, [])
        },
    };

    [Theory]
    [MemberData(nameof(EnabledCases))]
    public void Parse_ValidEnabledTags_ReturnsRegistration(string caseName, Dictionary<string, string> tags, bool enterprise, FunctionRegistration expected)
    {
        var result = Assert.IsType<EnabledTags>(FunctionTagParser.Parse(tags, enterprise));

        var actual = result.Registration;
        Assert.True(expected with { Aliases = actual.Aliases } == actual, caseName);
        Assert.Equal(expected.Aliases, actual.Aliases);
    }

    public static TheoryData<string, Dictionary<string, string>, bool, string[]> InvalidCases => new()
    {
        { "enabled yes", Tags("enabled", "yes"), false, ["enabled\"=\"yes\"", "true or false"] },
        { "Go suite: invalid invocation mode", Tags("enabled", "true", "invocation-mode", "invalid"), false, ["invocation-mode\"=\"invalid\"", "SYNCHRONOUS or ASYNCHRONOUS"] },
        { "payload passthrough 1", Tags("enabled", "true", "payload-passthrough", "1"), false, ["payload-passthrough\"=\"1\""] },
        { "alias of only digits (a version, not an alias)", Tags("enabled", "true", "aliases", "prod+42"), false, ["\"42\"", "not only digits"] },
        { "alias with a comma", Tags("enabled", "true", "aliases", "prod,dev"), false, ["\"prod,dev\""] },
        { "alias with a colon", Tags("enabled", "true", "aliases", "prod:1"), false, ["\"prod:1\""] },
        { "alias longer than 128", Tags("enabled", "true", "aliases", new string('a', 129)), false, ["alias name(s)"] },
        { "datacenter with a space", Tags("enabled", "true", "datacenter", "dc 1"), false, ["datacenter\"=\"dc 1\""] },
        { "namespace with a slash on Enterprise", Tags("enabled", "true", "namespace", "a/b"), true, ["namespace\"=\"a/b\""] },
        {
            "several bad tags are all listed", Tags("enabled", "true", "invocation-mode", "sync", "payload-passthrough", "maybe"), false,
            ["invocation-mode\"=\"sync\"", "payload-passthrough\"=\"maybe\""]
        },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Parse_ValueOutsideAllowedSet_ReturnsInvalidNamingKeyAndValue(string caseName, Dictionary<string, string> tags, bool enterprise, string[] expectedFragments)
    {
        var result = Assert.IsType<InvalidTags>(FunctionTagParser.Parse(tags, enterprise));

        var text = string.Join(" ", result.Reasons);
        foreach (var fragment in expectedFragments)
        {
            Assert.Contains(fragment, text, StringComparison.Ordinal);
        }

        Assert.Contains(P, text, StringComparison.Ordinal);
        Assert.False(result.RequiresEnterprise, caseName);
    }

    public static TheoryData<string, Dictionary<string, string>> EnterpriseOnCommunityCases => new()
    {
        { "Go suite: enterprise meta without enterprise Consul", Tags("enabled", "true", "partition", "p", "namespace", "n") },
        { "only a namespace tag", Tags("enabled", "true", "namespace", "team-a") },
        { "only a partition tag", Tags("enabled", "true", "partition", "ap1") },
    };

    [Theory]
    [MemberData(nameof(EnterpriseOnCommunityCases))]
    public void Parse_EnterpriseTagsWithEnterpriseOff_ReportsThatEnterpriseIsNeeded(string caseName, Dictionary<string, string> tags)
    {
        var result = Assert.IsType<InvalidTags>(FunctionTagParser.Parse(tags, enterprise: false));

        Assert.True(result.RequiresEnterprise, caseName);
        Assert.All(result.Reasons, r => Assert.Contains("ENTERPRISE", r, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_EnterpriseTagsAndAnotherBadTag_IsPlainInvalid()
    {
        var result = Assert.IsType<InvalidTags>(FunctionTagParser.Parse(Tags("enabled", "true", "partition", "p", "invocation-mode", "x"), enterprise: false));

        Assert.False(result.RequiresEnterprise);
        Assert.Equal(2, result.Reasons.Count);
    }
}
