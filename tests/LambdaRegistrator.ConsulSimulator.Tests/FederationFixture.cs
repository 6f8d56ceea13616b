using LambdaRegistrator.TestKit.Consul;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// A two-datacenter WAN federation (dc1 primary, dc2 secondary): the simulator on a fake clock, or two real
/// <c>consul agent -dev</c> processes WAN-joined when consul is on PATH.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Why this long: a real secondary's replication loop is rate-limited; convergence normally takes well under a second.</summary>
    private static readonly TimeSpan RealConvergenceLimit = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan ReplicationDelay = TimeSpan.FromMilliseconds(500);
    private ConsulTarget? _target;
    private ConsulApi? _api;

    /// <summary>The simulator's clock (null against real consul).</summary>
    public FakeTimeProvider? Clock { get; private set; }

    public ConsulTarget Target => _target ?? throw new InvalidOperationException("The fixture has not started yet.");

    public ConsulApi Api => _api ?? throw new InvalidOperationException("The fixture has not started yet.");

    public string Primary => Target.PrimaryDatacenter;

    public string Secondary => Target.Datacenters[1];

    public async Task InitializeAsync()
    {
        Clock = ConsulBinary.UseRealConsul ? null : new FakeTimeProvider(DateTimeOffset.UtcNow);
        _target = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            AdditionalDatacenters = ["dc2"],
            TimeProvider = Clock,
            ReplicationDelay = ReplicationDelay,
        });
        _api = new ConsulApi(_target.Address);
    }

    /// <summary>
    /// Waits until replication has delivered what <paramref name="probe"/> checks: on the simulator the fake clock is
    /// moved past the replication delay and the probe must then hold; against real consul the probe is retried until it
    /// holds (or the generous limit passes, which fails the test).
    /// </summary>
    public async Task ReplicatedAsync(Func<Task<bool>> probe, string what)
    {
        if (Clock is not null)
        {
            Clock.Advance(ReplicationDelay);
            Assert.True(await probe(), $"after the replication delay: {what}");
            return;
        }

        var deadline = DateTime.UtcNow + RealConvergenceLimit;
        while (!await probe())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not replicated within {RealConvergenceLimit.TotalSeconds:0} s: {what}");
            await Task.Delay(100);
        }
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
