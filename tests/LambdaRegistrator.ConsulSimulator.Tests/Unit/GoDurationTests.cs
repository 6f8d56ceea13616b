using LambdaRegistrator.ConsulSimulator.Http;

namespace LambdaRegistrator.ConsulSimulator.Tests.Unit;

public sealed class GoDurationTests
{
    public static TheoryData<string, string, double?> Cases => new()
    {
        { "seconds", "10s", 10_000 },
        { "milliseconds", "1500ms", 1_500 },
        { "minutes", "5m", 300_000 },
        { "compound", "1h2m3s", 3_723_000 },
        { "fraction", "1.5s", 1_500 },
        { "zero without unit", "0", 0 },
        { "number without unit", "2", null },
        { "unknown unit", "3d", null },
        { "empty", "", null },
        { "unit only", "s", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryParse_GoSyntax_MatchesTimeParseDuration(string caseName, string text, double? expectedMilliseconds)
    {
        var ok = GoDuration.TryParse(text, out var duration);

        Assert.True(ok == expectedMilliseconds.HasValue, caseName);
        if (expectedMilliseconds is { } ms)
        {
            Assert.Equal(ms, duration.TotalMilliseconds);
        }
    }
}
