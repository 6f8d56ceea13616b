using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Bench.ColdStart;

/// <summary>
/// What the registrator talks to in a cold-start run: moto_server holding N functions tagged for registration (seeded
/// once), and a fresh Consul simulator per run so every run is a first full sync that registers all of them.
/// </summary>
internal sealed class World : IAsyncDisposable
{
    private readonly MotoServer _moto;

    private World(MotoServer moto) => _moto = moto;

    public static async Task<World> StartAsync(int functions)
    {
        var moto = await MotoServer.StartAsync();
        var role = await moto.Seed.CreateRoleAsync("registrator-bench");
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["serverless.consul.hashicorp.com/v1alpha1/lambda/enabled"] = "true" };
        for (var i = 0; i < functions; i++)
        {
            await moto.Seed.CreateFunctionAsync($"bench-fn-{i:00}", role, tags);
        }

        // Two functions without the tag: the inventory has to leave them out.
        await moto.Seed.CreateFunctionAsync("bench-untagged-a", role);
        await moto.Seed.CreateFunctionAsync("bench-untagged-b", role);
        return new World(moto);
    }

    public static Task<ConsulTarget> FreshConsulAsync(CancellationToken cancellationToken = default) =>
        ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true }, cancellationToken);

    /// <summary>The function's configuration: AWS at moto (fake credentials, region, account) and Consul at <paramref name="consul"/>.</summary>
    public List<(string Name, string Value)> Environment(ConsulTarget consul) =>
    [
        .. _moto.Environment.Select(e => (e.Key, e.Value)),
        ("AWS_ACCOUNT_ID", MotoServer.AccountId),
        ("CONSUL_HTTP_ADDR", consul.Address.AbsoluteUri),
    ];

    public ValueTask DisposeAsync() => _moto.DisposeAsync();
}
