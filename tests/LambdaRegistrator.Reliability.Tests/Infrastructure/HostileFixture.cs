using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>A fake AWS and a simulator shared by one test class's cases (each case resets what it uses).</summary>
public sealed class HostileFixture : IAsyncLifetime
{
    internal HostileAws Aws { get; private set; } = null!;

    internal ConsulTarget Consul { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Aws = await HostileAws.StartAsync();
        Consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
    }

    public async Task DisposeAsync()
    {
        await Consul.DisposeAsync();
        await Aws.DisposeAsync();
    }

    /// <summary>Empties Consul, fault rules, counters and the AWS request log; sets the inventory.</summary>
    internal void Reset(IEnumerable<FakeFunction> inventory)
    {
        Consul.Simulator!.Reset();
        Aws.Set(inventory);
        Aws.FailPage(null);
        Aws.ClearRequests();
    }

    internal static string CorpusPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "corpus", .. parts]);
}
