using LambdaRegistrator.Core.Configuration;
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

        // Why: moto loads the SSM and KMS backends on first use, which can outlast an attempt timeout on a busy
        // machine; a timed-out PutParameter that moto still applied would then bump the version twice.
        await Store.PutSecureStringAsync("/warm-up", "x", ParameterTier.Standard);
        await Store.DeleteParameterAsync("/warm-up");
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

        Assert.NotNull(parameter);
        Assert.Equal(version, parameter.Version);
        Assert.Equal("s3cr3t+/=", parameter.Value);
        Assert.Equal("SecureString", parameter.Type);
        Assert.NotNull(parameter.LastModifiedDate);
        Assert.DoesNotContain("s3cr3t", parameter.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutSecureStringAsync_Overwrite_IncrementsVersion()
    {
        var first = await Store.PutSecureStringAsync("/ext/data", "one", ParameterTier.Standard);

        var second = await Store.PutSecureStringAsync("/ext/data", "two", ParameterTier.Advanced);

        Assert.True(second > first, $"{first} then {second}");
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
