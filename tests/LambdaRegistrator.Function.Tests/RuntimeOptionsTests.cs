namespace LambdaRegistrator.Function.Tests;

public sealed class RuntimeOptionsTests
{
    public static TheoryData<string, string[], string[]> Invalid => new()
    {
        { "no runtime API", [], ["AWS_LAMBDA_RUNTIME_API is not set"] },
        { "runtime API with a scheme", ["AWS_LAMBDA_RUNTIME_API=http://127.0.0.1:9001"], ["AWS_LAMBDA_RUNTIME_API is 'http://127.0.0.1:9001': expected host:port"] },
        { "runtime API without a port", ["AWS_LAMBDA_RUNTIME_API=localhost"], ["AWS_LAMBDA_RUNTIME_API is 'localhost': expected host:port"] },
        { "memory not a number", ["AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512MB"], ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE is '512MB'"] },
        { "memory below Lambda's range", ["AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=64"], ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE is '64': expected a whole number of MB from 128 to 10240"] },
        { "two bad variables", ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE=x"], ["AWS_LAMBDA_RUNTIME_API is not set", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE is 'x'"] },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidEnvironment_NamesEachBadVariable(string scenario, string[] environment, string[] errorStarts)
    {
        _ = scenario;
        var parsed = RuntimeOptions.TryParse(Environment(environment), out var options, out var errors);

        Assert.False(parsed);
        Assert.Null(options);
        Assert.Equal(errorStarts.Length, errors.Count);
        Assert.All(errorStarts.Zip(errors), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public void TryParse_LambdaEnvironment_ReadsEverySetting()
    {
        var parsed = RuntimeOptions.TryParse(
            Environment(["AWS_LAMBDA_RUNTIME_API=127.0.0.1:9001", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512"]),
            out var options,
            out var errors);

        Assert.True(parsed);
        Assert.Empty(errors);
        Assert.Equal(new Uri("http://127.0.0.1:9001/2018-06-01/"), options!.RuntimeApi);
        Assert.Equal(512, options.MemorySizeMb);
    }

    [Fact]
    public void TryParse_OnlyTheRuntimeApi_UsesTheDefaults()
    {
        Assert.True(RuntimeOptions.TryParse(Environment(["AWS_LAMBDA_RUNTIME_API=[::1]:9001"]), out var options, out _));

        Assert.Null(options!.MemorySizeMb);
    }

    private static Func<string, string?> Environment(string[] pairs)
    {
        var map = pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        return name => map.GetValueOrDefault(name);
    }
}
