using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>The wire names of enum values in the JSON and the table (a stable contract documented in docs/cli.md).</summary>
public sealed class ReportWriterTests
{
    public static TheoryData<string, string, string> Names => new()
    {
        { "one word", "Register", "register" },
        { "two words", "InvalidTags", "invalid-tags" },
        { "many words", "EnterpriseTagsWithoutEnterprise", "enterprise-tags-without-enterprise" },
        { "status", "DeadlineReached", "deadline-reached" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Kebab_PascalCaseName_IsLowerCaseWithDashes(string caseName, string pascal, string expected) =>
        Assert.True(expected == ReportWriter.Kebab(pascal), caseName);

    [Fact]
    public void Kebab_EveryProblemKind_IsDistinct()
    {
        var names = Enum.GetNames<Core.Planning.PlanProblemKind>().Select(ReportWriter.Kebab).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
