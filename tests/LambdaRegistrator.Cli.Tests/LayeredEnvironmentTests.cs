using LambdaRegistrator.Cli.Configuration;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>Flags over environment over CLI defaults, and problems that say which flag set their variable.</summary>
public sealed class LayeredEnvironmentTests
{
    public static TheoryData<string, string?, string?, string?, string?> Precedence => new()
    {
        { "flag beats environment", "from-env", "from-flag", "default", "from-flag" },
        { "environment beats default", "from-env", null, "default", "from-env" },
        { "default when neither is set", null, null, "default", "default" },
        { "an empty environment value is a value", "", null, "default", "" },
        { "unset everywhere", null, null, null, null },
    };

    [Theory]
    [MemberData(nameof(Precedence))]
    public void Get_Layers_FlagThenEnvironmentThenDefault(string caseName, string? environmentValue, string? flagValue, string? defaultValue, string? expected)
    {
        var layered = new LayeredEnvironment(new Dictionary<string, string?>(StringComparer.Ordinal) { ["LOG_LEVEL"] = environmentValue });
        if (flagValue is not null)
        {
            layered.Override("LOG_LEVEL", flagValue, "--log-level");
        }

        if (defaultValue is not null)
        {
            layered.Default("LOG_LEVEL", defaultValue);
        }

        Assert.True(expected == layered.Get("LOG_LEVEL"), caseName);
    }

    [Theory]
    [InlineData("set by flag", "NODE_NAME must not be empty.", "NODE_NAME must not be empty. (set by --node-name)")]
    [InlineData("variable not set by a flag", "PAGE_SIZE=0 is out of range.", "PAGE_SIZE=0 is out of range.")]
    public void Explain_Problem_NamesTheFlagThatSetTheVariable(string caseName, string problem, string expected)
    {
        var layered = new LayeredEnvironment(new Dictionary<string, string?>(StringComparer.Ordinal));
        layered.Override("NODE_NAME", string.Empty, "--node-name");

        Assert.True(expected == layered.Explain(problem), caseName);
    }
}
