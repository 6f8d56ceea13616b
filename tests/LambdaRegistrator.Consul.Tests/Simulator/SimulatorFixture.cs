using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Consul.Tests.Simulator;

/// <summary>One in-process Consul simulator per test class; tests reset it and create clients against it.</summary>
public class SimulatorFixture : IAsyncLifetime
{
    private ConsulSimulatorServer? _server;

    public ConsulSimulatorServer Server => _server ?? throw new InvalidOperationException("The simulator has not started.");

    protected virtual ConsulSimulatorOptions Options => new() { AdditionalDatacenters = ["dc2"] };

    public async Task InitializeAsync() => _server = await ConsulSimulatorServer.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>A client of this simulator with a fast, recorded retry policy.</summary>
    public ConsulClient Client(string? token = null, int attempts = 4, RecordingTimeProvider? clock = null, string? @namespace = null, string? partition = null) =>
        new(
            new ConsulClientOptions { Address = Server.BaseAddress, Token = token, Namespace = @namespace, Partition = partition, Timeout = TimeSpan.FromSeconds(10) },
            TestRetry.Policy(attempts, clock));
}
