using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests;

/// <summary>moto_server seeded with one tagged function and one SecureString, behind a fault-injecting proxy.</summary>
public sealed class FaultFixture : IAsyncLifetime
{
    public const string FunctionName = "orders";
    public const string ParameterName = "/consul/token";
    private MotoServer? _moto;
    private AwsFaultProxy? _proxy;

    public AwsFaultProxy Proxy => _proxy ?? throw new InvalidOperationException("The proxy is not started.");

    public string FunctionArn { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync();
        var role = await _moto.Seed.CreateRoleAsync("registrator-test");
        FunctionArn = await _moto.Seed.CreateFunctionAsync(FunctionName, role, new Dictionary<string, string> { ["team"] = "payments" });
        await _moto.Seed.PutParameterAsync(ParameterName, "token-value");
        _proxy = await AwsFaultProxy.StartAsync(_moto.Endpoint);

        // Why: moto loads each backend on first use, which can take seconds on a busy machine; warm every call the
        // tests make so the retry tests' short per-attempt timeout only ever trips on injected delays.
        using var clients = TestClients.Create(_moto.Endpoint);
        await clients.Lambda.ListFunctionsAsync().ToListAsync();
        await clients.Lambda.GetFunctionAsync(FunctionName);
        await clients.Lambda.ListTagsAsync(FunctionArn);
        await clients.Tagging.GetResourcesAsync([Aws.Tagging.ResourceTypeFilters.LambdaFunction], []).ToListAsync();
        await clients.ParameterStore.GetParameterAsync(ParameterName);
    }

    public async Task DisposeAsync()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }
}
