using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>One moto_server per test class (each test resets it and seeds its own functions).</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    public MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server has not started.");

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
