using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests;

public sealed class AwsClientsTests : StubTestBase
{
    public static TheoryData<string, string, string> IncompleteCredentials => new()
    {
        { "Key id without secret", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" },
        { "Secret without key id", "AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID" },
    };

    [Theory]
    [MemberData(nameof(IncompleteCredentials))]
    public async Task Create_IncompleteCredentials_FailsOnFirstCallNamingTheMissingVariable(string caseName, string present, string missing)
    {
        var environment = new Dictionary<string, string>(MotoServer.EnvironmentFor(Stub.Endpoint));
        environment.Remove(missing);
        Assert.True(environment.ContainsKey(present), caseName);

        using var clients = AwsClients.Create(name => environment.GetValueOrDefault(name));
        var exception = await Assert.ThrowsAsync<AwsConfigurationException>(() => clients.Lambda.GetFunctionAsync("any"));

        Assert.Contains($"{missing} is not set", exception.Message, StringComparison.Ordinal);
        Assert.Empty(Stub.Requests);
    }

    [Fact]
    public void Create_Environment_ExposesResolvedEndpoints()
    {
        var environment = MotoServer.EnvironmentFor(Stub.Endpoint);

        using var clients = AwsClients.Create(name => environment.GetValueOrDefault(name));

        Assert.Equal(MotoServer.Region, clients.Endpoints.Region);
        Assert.Equal(Stub.Endpoint, clients.Endpoints.Lambda);
        Assert.Equal(Stub.Endpoint, clients.Endpoints.Ssm);
    }

    [Fact]
    public void Create_NoRegion_ThrowsNamingAwsRegion()
    {
        var exception = Assert.Throws<AwsConfigurationException>(() => AwsClients.Create(_ => null));

        Assert.Contains("AWS_REGION", exception.Message, StringComparison.Ordinal);
    }
}
