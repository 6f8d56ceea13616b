using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>One moto_server for every test class of the <see cref="MotoGroup"/>; each test resets it and seeds its own functions.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    /// <summary>The running server.</summary>
    public MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server has not started.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }

    /// <summary>Forgets every resource and creates the role functions need; returns the role ARN.</summary>
    public async Task<string> ResetAsync()
    {
        await Moto.ResetAsync();
        return await Moto.Seed.CreateRoleAsync("registrator-reliability");
    }
}
