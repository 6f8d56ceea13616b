using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>One Consul target (real or simulated, ACLs off) shared by the tests of a class.</summary>
public class ConsulTargetFixture : IAsyncLifetime, IDisposable
{
    private ConsulTarget? _target;
    private ConsulApi? _api;

    protected virtual ConsulTargetOptions Options => new();

    public ConsulTarget Target => _target ?? throw new InvalidOperationException("The fixture has not started yet.");

    public ConsulApi Api => _api ?? throw new InvalidOperationException("The fixture has not started yet.");

    public async Task InitializeAsync()
    {
        _target = await ConsulTarget.StartAsync(Options);
        _api = new ConsulApi(_target.Address);
    }

    public void Dispose()
    {
        _api?.Dispose();
        GC.SuppressFinalize(this);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }
}
