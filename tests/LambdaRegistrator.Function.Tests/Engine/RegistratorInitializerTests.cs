namespace LambdaRegistrator.Function.Tests.Engine;

/// <summary>The composed initializer without any AWS or Consul peer: configuration errors fail init with every problem listed.</summary>
public sealed class RegistratorInitializerTests
{
    public static TheoryData<string, string[], string[]> InvalidConfigurations => new()
    {
        { "no region", ["CONSUL_HTTP_ADDR=127.0.0.1:8500"], ["AWS_REGION"] },
        {
            "several bad variables at once",
            ["AWS_REGION=us-east-1", "CONSUL_HTTP_ADDR=ftp://x", "DEADLINE_MARGIN_MS=soon", "PAGE_SIZE=500", "AWS_ACCOUNT_ID=12"],
            ["CONSUL_HTTP_ADDR", "DEADLINE_MARGIN_MS=\"soon\"", "PAGE_SIZE=\"500\"", "AWS_ACCOUNT_ID"]
        },
        { "secret path that is not an SSM name", ["AWS_REGION=us-east-1", "CONSUL_HTTP_TOKEN_PATH=consul/token"], ["CONSUL_HTTP_TOKEN_PATH=\"consul/token\" is not an SSM parameter name"] },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigurations))]
    public async Task InitializeAsync_InvalidConfiguration_ThrowsInvalidConfigurationListingEveryProblem(string scenario, string[] environment, string[] mentioned)
    {
        _ = scenario;
        var variables = environment.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        variables["AWS_ACCESS_KEY_ID"] = "testing";
        variables["AWS_SECRET_ACCESS_KEY"] = "testing";
        var initializer = new RegistratorInitializer(new RegistratorHostOptions { LogOutput = TextWriter.Null });

        var thrown = await Assert.ThrowsAsync<FunctionInitializationException>(
            () => initializer.InitializeAsync(name => variables.GetValueOrDefault(name), TestTimeout.Token()));

        Assert.Equal("Registrator.InvalidConfiguration", thrown.ErrorType);
        Assert.All(mentioned, m => Assert.Contains(m, thrown.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("testing", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CreateInitializer_ComposesTheRegistratorEngine()
    {
        Assert.IsType<RegistratorInitializer>(Composition.CreateInitializer());
    }
}
