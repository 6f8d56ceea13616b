using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Ssm;

/// <summary>SSM Parameter Store against moto_server.</summary>
public sealed class ParameterStoreMotoTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly MotoServer _moto;
    private AwsClients? _clients;

    public ParameterStoreMotoTests(MotoFixture fixture) => _moto = fixture.Moto;

    private IParameterStore Store => _clients!.ParameterStore;

    public async Task InitializeAsync()
    {
        await _moto.ResetAsync();
        _clients = TestClients.Create(_moto.Endpoint);
    }

    public Task DisposeAsync()
    {
        _clients?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task PutSecureStringAsync_ThenGet_ReturnsDecryptedValueAndVersion()
    {
        var version = await Store.PutSecureStringAsync("/consul/token", "s3cr3t+/=", ParameterTier.Standard);

        var parameter = await Store.GetParameterAsync("/consul/token");

        Assert.Equal(1, version);
        Assert.NotNull(parameter);
        Assert.Equal("s3cr3t+/=", parameter.Value);
        Assert.Equal("SecureString", parameter.Type);
        Assert.Equal(1, parameter.Version);
        Assert.NotNull(parameter.LastModifiedDate);
        Assert.DoesNotContain("s3cr3t", parameter.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutSecureStringAsync_Overwrite_IncrementsVersion()
    {
        await Store.PutSecureStringAsync("/ext/data", "one", ParameterTier.Standard);

        var version = await Store.PutSecureStringAsync("/ext/data", "two", ParameterTier.Advanced);

        Assert.Equal(2, version);
        Assert.Equal("two", (await Store.GetParameterAsync("/ext/data"))?.Value);
    }

    [Fact]
    public async Task GetParameterAsync_PlainString_ReturnsValue()
    {
        await _moto.Seed.PutParameterAsync("/plain", "hello", "String");

        var parameter = await Store.GetParameterAsync("/plain", withDecryption: false);

        Assert.Equal("hello", parameter?.Value);
        Assert.Equal("String", parameter?.Type);
    }

    [Fact]
    public async Task GetParameterAsync_Missing_ReturnsNull()
    {
        Assert.Null(await Store.GetParameterAsync("/does/not/exist"));
    }

    [Fact]
    public async Task DeleteParameterAsync_ExistingThenMissing_ReturnsTrueThenFalse()
    {
        await Store.PutSecureStringAsync("/to/delete", "x", ParameterTier.Standard);

        Assert.True(await Store.DeleteParameterAsync("/to/delete"));
        Assert.Null(await Store.GetParameterAsync("/to/delete"));
        Assert.False(await Store.DeleteParameterAsync("/to/delete"));
    }
}
