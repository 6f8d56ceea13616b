using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>
/// One Consul per test class: a real <c>consul agent -dev</c> when one is on PATH, else the simulator (TestKit's
/// <see cref="ConsulTarget"/>). Tests use <see cref="Unique"/> names so they never depend on each other's state.
/// </summary>
public class ConsulFixture : IAsyncLifetime
{
    private ConsulTarget? _target;

    public ConsulTarget Target => _target ?? throw new InvalidOperationException("Consul has not started.");

    protected virtual ConsulTargetOptions Options => new();

    public async Task InitializeAsync() => _target = await ConsulTarget.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_target is not null)
        {
            await _target.DisposeAsync();
        }
    }

    /// <summary>A name no other test uses, e.g. <c>fn-3f2a9c1b</c>.</summary>
    public static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>A client of this Consul with a fast, recorded retry policy.</summary>
    public ConsulClient Client(string? token = null, int attempts = 4, RecordingTimeProvider? clock = null, string? @namespace = null, string? partition = null) =>
        new(
            new ConsulClientOptions { Address = Target.Address, Token = token, Namespace = @namespace, Partition = partition, Timeout = TimeSpan.FromSeconds(10) },
            TestRetry.Policy(attempts, clock));
}
