using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Sources;

namespace LambdaRegistrator.Core.Tests.Sources;

public sealed class SourceSetTests
{
    private const string Own = "123456789012";
    private const string Member = "111122223333";
    private const string Role = "arn:aws:iam::111122223333:role/lambda-registrator-source";

    private static (SourceSet? Set, List<ConfigurationError> Errors) Parse(string? sources, string? include = null, string? exclude = null)
    {
        var errors = new List<ConfigurationError>();
        return (SourceSet.Parse(sources, include, exclude, errors), errors);
    }

    private static SourceResolution Resolve(string? sources, string? ownAccount = Own, string? registratorId = null)
    {
        var (set, errors) = Parse(sources);
        Assert.True(set is not null, string.Join(" | ", errors));
        return set.Resolve(ownAccount, "us-east-1", registratorId);
    }

    public static TheoryData<string, string?, string?, string[]> Valid => new()
    {
        // name, SOURCES, REGISTRATOR_ID, expected "<account>/<region> <owner id> <role or ->"
        { "Unset SOURCES is the registrator's own account and region, owner <account>/<region> as today", null, null, [$"{Own}/us-east-1 {Own}/us-east-1 -"] },
        { "Unset SOURCES keeps REGISTRATOR_ID", null, "legacy-id", [$"{Own}/us-east-1 legacy-id -"] },
        { "An empty entry is the own account and region, exactly as without SOURCES", "[{}]", null, [$"{Own}/us-east-1 {Own}/us-east-1 -"] },
        { "REGISTRATOR_ID still names the own account and region under SOURCES", """[{}, {"regions":["eu-west-1"]}]""", "legacy-id", [$"{Own}/us-east-1 legacy-id -", $"{Own}/eu-west-1 {Own}/eu-west-1 -"] },
        {
            "A role source per region, owner <role account>/<region>, as Terraform's jsonencode writes it",
            $$"""[{"regions":["us-east-1","eu-west-1"],"role_arn":"{{Role}}","external_id":"xid-1"}]""", null,
            [$"{Member}/us-east-1 {Member}/us-east-1 {Role}", $"{Member}/eu-west-1 {Member}/eu-west-1 {Role}"]
        },
        { "Null fields count as absent", $$"""[{"role_arn":null,"regions":null,"external_id":null,"registrator_id":null}]""", null, [$"{Own}/us-east-1 {Own}/us-east-1 -"] },
        { "An explicit registrator_id wins", $$"""[{"role_arn":"{{Role}}","regions":["us-west-2"],"registrator_id":"orders"}]""", "legacy-id", [$"{Member}/us-west-2 orders {Role}"] },
        { "A role in the own account and region is the own source and keeps REGISTRATOR_ID", """[{"role_arn":"arn:aws:iam::123456789012:role/r"}]""", "legacy-id", [$"{Own}/us-east-1 legacy-id arn:aws:iam::123456789012:role/r"] },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void Resolve_ValidSources_GivesOneSourcePerAccountAndRegion(string name, string? sources, string? registratorId, string[] expected)
    {
        var resolution = Resolve(sources, registratorId: registratorId);

        Assert.True(resolution.IsValid, $"{name}: {string.Join(" | ", resolution.Errors)}");
        Assert.Equal(expected, resolution.Sources.Select(s => $"{s.Name} {s.RegistratorId} {s.RoleArn ?? "-"}"));
    }

    public static TheoryData<string, string, string> Invalid => new()
    {
        // name, SOURCES, a fragment the message must contain (entry index and field)
        { "Not JSON", "[{", "SOURCES is not valid JSON" },
        { "Not a list", """{"role_arn":"x"}""", "non-empty JSON list" },
        { "An empty list", "[]", "non-empty JSON list" },
        { "An entry that is not an object", """[{}, "us-east-1"]""", "SOURCES[1] is not an object" },
        { "An unknown field", """[{"role":"x"}]""", "SOURCES[0] has an unknown field \"role\"" },
        { "A role_arn that is not a role", """[{"role_arn":"arn:aws:iam::111122223333:user/bob"}]""", "SOURCES[0].role_arn" },
        { "A role_arn with a short account", """[{"role_arn":"arn:aws:iam::1111:role/r"}]""", "SOURCES[0].role_arn" },
        { "A role_arn that is a number", """[{"role_arn":5}]""", "SOURCES[0].role_arn 5 is not an IAM role ARN" },
        { "Regions not a list", """[{"regions":"us-east-1"}]""", "SOURCES[0].regions" },
        { "Regions empty", """[{"regions":[]}]""", "SOURCES[0].regions" },
        { "A region that is not a region", """[{}, {"regions":["us-east-1","useast1"]}]""", "SOURCES[1].regions[1]" },
        { "A region twice", """[{"regions":["us-east-1","us-east-1"]}]""", "SOURCES[0].regions[1] \"us-east-1\" is listed twice" },
        { "An external_id without a role", """[{"external_id":"abc"}]""", "SOURCES[0].external_id is set without a role_arn" },
        { "An external_id too short", $$"""[{"role_arn":"{{Role}}","external_id":"a"}]""", "SOURCES[0].external_id" },
        { "A registrator_id with a space", """[{"registrator_id":"a b"}]""", "SOURCES[0].registrator_id" },
        { "A registrator_id for two regions", """[{"registrator_id":"a","regions":["us-east-1","us-west-2"]}]""", "SOURCES[0].registrator_id is set for 2 regions" },
        { "Two entries with one registrator_id", """[{"registrator_id":"a"},{"regions":["us-west-2"],"registrator_id":"a"}]""", "SOURCES[1].registrator_id \"a\" is already the owner id of SOURCES[0]" },
        { "Two entries with one role", $$"""[{"role_arn":"{{Role}}"},{"role_arn":"{{Role}}","regions":["us-west-2"]}]""", "SOURCES[1].role_arn" },
        { "A glob with a comma-free but invalid character", """[{"include":["orders/*"]}]""", "SOURCES[0].include[0]" },
        { "Exclude not a list", """[{"exclude":"x"}]""", "SOURCES[0].exclude" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidSources_NamesTheEntryAndTheField(string name, string sources, string expected)
    {
        var (set, errors) = Parse(sources);

        Assert.Null(set);
        Assert.All(errors, e => Assert.Equal("SOURCES", e.Variable));
        Assert.True(errors.Any(e => e.Message.Contains(expected, StringComparison.Ordinal)), $"{name}: got [{string.Join(" | ", errors)}]");
    }

    public static TheoryData<string, string, string?, string> Unresolvable => new()
    {
        // name, SOURCES, own account, fragment
        { "A second own region needs the account for its owner id", """[{}, {"regions":["eu-west-1"]}]""", null, "SOURCES[1].regions[0]: the registrator's own AWS account is unknown" },
        { "The own account and region twice (a role in the own account is that account)", """[{}, {"role_arn":"arn:aws:iam::123456789012:role/r"}]""", Own, "SOURCES[1] names account and region 123456789012/us-east-1 again" },
        { "Another partition's region with the own credentials", """[{"regions":["cn-north-1"]}]""", Own, "SOURCES[0].regions[0] \"cn-north-1\" is in partition aws-cn" },
        { "A role in another partition", """[{"role_arn":"arn:aws-cn:iam::111122223333:role/r","regions":["cn-north-1"]}]""", Own, "SOURCES[0].role_arn" },
        { "A default owner id taken by an explicit one", $$"""[{"role_arn":"{{Role}}","regions":["us-west-2"]}, {"registrator_id":"111122223333/us-west-2"}]""", Own, "as SOURCES[0].regions[0] does" },
    };

    [Theory]
    [MemberData(nameof(Unresolvable))]
    public void Resolve_Conflicts_NameTheEntry(string name, string sources, string? ownAccount, string expected)
    {
        var resolution = Resolve(sources, ownAccount);

        Assert.False(resolution.IsValid);
        Assert.True(resolution.Errors.Any(e => e.Contains(expected, StringComparison.Ordinal)), $"{name}: got [{string.Join(" | ", resolution.Errors)}]");
    }

    [Fact]
    public void Resolve_OwnAccountUnknown_WithRegistratorId_WorksAsToday()
    {
        var resolution = Resolve(null, ownAccount: null, registratorId: "legacy-id");

        Assert.True(resolution.IsValid);
        var source = Assert.Single(resolution.Sources);
        Assert.Null(source.AccountId);
        Assert.Equal("legacy-id", source.RegistratorId);
    }

    [Fact]
    public void Parse_GlobalFilters_ApplyInEverySourceTogetherWithTheEntryFilters()
    {
        var (set, errors) = Parse(
            $$"""[{"include":["orders-*"]}, {"role_arn":"{{Role}}","exclude":["*-canary"]}]""", include: "orders-*, payments-*", exclude: "*-test");
        Assert.True(set is not null, string.Join(" | ", errors));
        var sources = set.Resolve(Own, "us-east-1", null).Sources;

        Assert.Equal([true, false, false, false], new[] { "orders-api", "payments-api", "orders-test", "billing" }.Select(sources[0].Filter.Admits));
        Assert.Equal([true, true, false, false], new[] { "orders-api", "payments-api", "orders-canary", "orders-test" }.Select(sources[1].Filter.Admits));
    }

    [Theory]
    [InlineData("FUNCTION_INCLUDE", "orders-*,bad/glob")]
    [InlineData("FUNCTION_EXCLUDE", "a b")]
    public void Parse_InvalidGlobalGlob_NamesTheVariable(string variable, string value)
    {
        var (set, errors) = variable == "FUNCTION_INCLUDE" ? Parse(null, include: value) : Parse(null, exclude: value);

        Assert.Null(set);
        Assert.Equal(variable, Assert.Single(errors).Variable);
    }

    [Fact]
    public void RegistratorOptions_InvalidSources_FailsWithEveryOtherError()
    {
        var env = new Dictionary<string, string> { ["SOURCES"] = """[{"regions":["nowhere"]}]""", ["PAGE_SIZE"] = "0" };

        var result = RegistratorOptions.Parse(name => env.GetValueOrDefault(name));

        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Variable == "SOURCES" && e.Message.Contains("SOURCES[0].regions[0]", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Variable == "PAGE_SIZE");
    }

    [Fact]
    public void TrySelect_NamesSourcesByAccountAndRegion()
    {
        var resolution = Resolve($$"""[{}, {"role_arn":"{{Role}}","regions":["us-east-1","eu-west-1"]}]""");

        Assert.True(resolution.TrySelect([$"{Member}/eu-west-1", $"{Own}/us-east-1"], out var selected, out _));
        Assert.Equal([$"{Member}/eu-west-1", $"{Own}/us-east-1"], selected.Select(s => s.Name));
        Assert.False(resolution.TrySelect(["999999999999/us-east-1"], out _, out var error));
        Assert.Contains($"{Member}/us-east-1", error, StringComparison.Ordinal);
        Assert.Equal($"{Member}/eu-west-1", resolution.Find(Member, "eu-west-1")?.Name);
        Assert.Null(resolution.Find(Member, "ap-south-1"));
    }
}
