using LambdaRegistrator.Core.Confirmation;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Tests.Confirmation;

/// <summary>
/// The reads that confirm one function, driven against a small Lambda world the way the shell drives them: which
/// requests go out (and on which quota), and what the confirmation concludes (gone, tags, existing aliases).
/// </summary>
public sealed class ConfirmationProgressTests
{
    // "a+b" = enabled with aliases a and b; "" = enabled without aliases; "-" = not enabled; null = tags unknown.
    private static Dictionary<string, string>? Tags(string? aliases) => aliases switch
    {
        null => null,
        "-" => new() { ["team"] = "payments" },
        "" => new() { [LambdaTags.Enabled] = "true" },
        _ => new() { [LambdaTags.Enabled] = "true", [LambdaTags.Aliases] = aliases },
    };

    // The world: does the function exist, with which tags and which aliases. Reads are written
    // "GF" (unqualified GetFunction), "GF:a" (Qualifier=a) and "LA" (ListAliases).
    public static TheoryData<string, string?, bool, string, string, string, string> Cases => new()
    {
        // case, listed tags, exists, actual tags, actual aliases, expected reads, expected result
        { "no aliases tagged: one unqualified read", "", true, "", "", "GF", "tags:1 aliases:-" },
        { "not enabled: one unqualified read", "-", true, "-", "", "GF", "tags:1 aliases:-" },
        { "listed tags unknown: unqualified read first", null, true, "a", "a", "GF GF:a", "tags:2 aliases:a" },
        { "two aliases, both exist: one read per alias, no unqualified read", "a+b", true, "a+b", "a+b", "GF:a GF:b", "tags:2 aliases:a,b" },
        { "second alias deleted: its 404 with the function confirmed means the alias is missing", "a+b", true, "a+b", "a", "GF:a GF:b", "tags:2 aliases:a" },
        { "first alias deleted: the 404 is settled by an unqualified read", "a+b", true, "a+b", "b", "GF:a GF GF:b", "tags:2 aliases:b" },
        { "function deleted (still listed): 404, then the unqualified read says gone", "a+b", false, "", "", "GF:a GF", "gone" },
        { "function without aliases deleted", "", false, "", "", "GF", "gone" },
        { "tags changed since the listing: the qualified tags are checked by an unqualified read", "a+b", true, "a", "a+b", "GF:a GF", "tags:2 aliases:a" },
        { "tags changed to no longer enabled", "a", true, "-", "a", "GF:a GF", "tags:1 aliases:-" },
        { "aliases added since the listing: the new one is read too", "a", true, "a+c", "a+c", "GF:a GF GF:c", "tags:2 aliases:a,c" },
        { "seven aliases: still one read each", "a+b+c+d+e+f+g", true, "a+b+c+d+e+f+g", "a+b+c+d+e+f+g", "GF:a GF:b GF:c GF:d GF:e GF:f GF:g", "tags:2 aliases:a,b,c,d,e,f,g" },
        { "eight aliases: GetFunction + ListAliases is cheaper", "a+b+c+d+e+f+g+h", true, "a+b+c+d+e+f+g+h", "a+c", "GF LA", "tags:2 aliases:a,c" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Next_DrivenAgainstLambda_MakesTheExpectedReadsAndConcludes(
        string name, string? listed, bool exists, string actualTags, string actualAliases, string expectedReads, string expected)
    {
        var tags = Tags(actualTags);
        var aliases = actualAliases.Split('+', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var progress = ConfirmationProgress.Listed(Tags(listed));
        var reads = new List<string>();
        while (progress.Next(enterprise: false) is { } next)
        {
            Assert.True(reads.Count < 20, name);
            if (next.Kind == ConfirmationReadKind.ListAliases)
            {
                reads.Add("LA");
                progress = progress.AfterListAliases(aliases);
                continue;
            }

            reads.Add(next.Qualifier is null ? "GF" : "GF:" + next.Qualifier);
            var found = exists && (next.Qualifier is null || aliases.Contains(next.Qualifier));
            progress = progress.AfterGetFunction(next.Qualifier, found ? tags : null);
        }

        Assert.Equal(expectedReads, string.Join(' ', reads));
        Assert.Equal(expected, Describe(progress));
    }

    [Fact]
    public void Read_FunctionAlreadyRead_ReadsOnlyTheAliases()
    {
        var progress = ConfirmationProgress.Read(Tags("a+b")!);

        Assert.Equal(ConfirmationRead.Alias("a"), progress.Next(enterprise: false));
        progress = progress.AfterGetFunction("a", null);
        Assert.Equal(ConfirmationRead.Alias("b"), progress.Next(enterprise: false));
        progress = progress.AfterGetFunction("b", Tags("a+b"));

        Assert.Null(progress.Next(enterprise: false));
        Assert.Equal(["b"], progress.Aliases(enterprise: false)!);
        Assert.False(progress.IsGone);
    }

    public static TheoryData<string, int, bool, bool> OneByOneCases => new()
    {
        // case, aliases, function already read, one by one
        { "no alias", 0, false, false },
        { "one alias", 1, false, true },
        { "seven, function not read: 7/100 <= 1/100 + 1/15", 7, false, true },
        { "eight, function not read: 8/100 > 1/100 + 1/15", 8, false, false },
        { "six, function read: 6/100 <= 1/15", 6, true, true },
        { "seven, function read: 7/100 > 1/15", 7, true, false },
    };

    [Theory]
    [MemberData(nameof(OneByOneCases))]
    public void ReadsAliasesOneByOne_ComparesQuotaTime(string name, int aliases, bool functionRead, bool expected)
    {
        Assert.True(expected == ConfirmationProgress.ReadsAliasesOneByOne(aliases, functionRead), name);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(7, 7)]
    [InlineData(8, 2)]
    public void RequestCost_IsTheReadsWhenNothingIsMissing(int aliases, int expected)
    {
        Assert.Equal(expected, ConfirmationProgress.RequestCost(aliases));
    }

    private static string Describe(ConfirmationProgress progress)
    {
        if (progress.IsGone)
        {
            return "gone";
        }

        var tags = progress.Tags is null ? "?" : progress.Tags.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var aliases = progress.Aliases(enterprise: false) is { } present ? string.Join(',', present.Order(StringComparer.Ordinal)) : "-";
        return $"tags:{tags} aliases:{aliases}";
    }
}
