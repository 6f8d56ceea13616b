using Xunit;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// One moto_server for the test classes that share this fixture (an xunit class or collection fixture); each test
/// resets it and seeds what it needs.
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    private MotoServer? _moto;

    /// <summary>The running server.</summary>
    public MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server has not started.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => _moto = await MotoServer.StartAsync().ConfigureAwait(false);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Forgets every resource and creates an execution role for the functions a test seeds; returns its ARN.</summary>
    public async Task<string> ResetAsync(string roleName = "registrator-test")
    {
        await Moto.ResetAsync().ConfigureAwait(false);
        return await Moto.Seed.CreateRoleAsync(roleName).ConfigureAwait(false);
    }
}
