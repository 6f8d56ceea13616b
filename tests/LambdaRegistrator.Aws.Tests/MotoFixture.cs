using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests;

/// <summary>One moto_server per test class that uses it as a class fixture.</summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    public MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server is not started.");

    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
