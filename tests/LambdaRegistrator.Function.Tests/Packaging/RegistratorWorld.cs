using System.Text;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Function.Tests.Packaging;

/// <summary>
/// What a deployed registrator talks to: moto_server (reset, with an IAM role for seeding) and a Consul simulator,
/// the function configuration pointing at both, sample events, and a reading Consul client for assertions.
/// </summary>
internal sealed class RegistratorWorld : IAsyncDisposable
{
    public const string Node = "lambdas";

    private RegistratorWorld(MotoServer moto, ConsulTarget consul, string role)
    {
        Moto = moto;
        Consul = consul;
        Role = role;
        Reader = new ConsulClient(new ConsulClientOptions { Address = consul.Address, Token = consul.ManagementToken });
    }

    public MotoServer Moto { get; }

    public ConsulTarget Consul { get; }

    public string Role { get; }

    /// <summary>A plain Consul client (management token when ACLs are on) to read what the registrator wrote.</summary>
    public ConsulClient Reader { get; }

    public static async Task<RegistratorWorld> StartAsync(MotoServer moto, ConsulTargetOptions? consul = null)
    {
        await moto.ResetAsync();
        var role = await moto.Seed.CreateRoleAsync("registrator-e2e");
        var target = await ConsulTarget.StartAsync(consul ?? new ConsulTargetOptions { SimulatorOnly = true });
        return new RegistratorWorld(moto, target, role);
    }

    public static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => LambdaTags.Prefix + t.Key, t => t.Value, StringComparer.Ordinal);

    public Task<string> FunctionAsync(string name, params (string Key, string Value)[] tags) =>
        Moto.Seed.CreateFunctionAsync(name, Role, Tags(tags));

    public async Task AliasAsync(string function, string alias) =>
        await Moto.Seed.CreateAliasAsync(function, alias, await Moto.Seed.PublishVersionAsync(function));

    /// <summary>The registrator's configuration: AWS at moto (region, fake credentials), Consul at the simulator.</summary>
    public Dictionary<string, string> FunctionEnvironment() => new(Moto.Environment, StringComparer.Ordinal)
    {
        ["CONSUL_HTTP_ADDR"] = Consul.Address.AbsoluteUri,
    };

    /// <summary>A samples/events fixture (linked as events/*.json) about <paramref name="functionName"/> instead of "orders".</summary>
    public static string SampleEvent(string file, string functionName = "orders") =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", file))
            .Replace("function:orders", "function:" + functionName, StringComparison.Ordinal)
            .Replace("\"orders\"", "\"" + functionName + "\"", StringComparison.Ordinal);

    public static byte[] SampleEventBytes(string file, string functionName = "orders") => Encoding.UTF8.GetBytes(SampleEvent(file, functionName));

    public async Task<IReadOnlyList<string>> ServiceIdsAsync() =>
        [.. (await Reader.GetNodeServicesAsync(Node, default, CancellationToken.None)).Value.Services.Select(s => s.Id).Order(StringComparer.Ordinal)];

    public async Task<ServiceDefaultsEntry?> ServiceDefaultsAsync(string service) =>
        (await Reader.GetServiceDefaultsAsync(service, default, CancellationToken.None)).Value;

    /// <summary>The value of one Lambda extension argument (e.g. <c>invocationMode</c>) in a service-defaults entry.</summary>
    public static string? Argument(ServiceDefaultsEntry entry, string name) =>
        entry.EnvoyExtensions.SelectMany(e => e.Arguments).Where(a => a.Key == name)
            .Select(a => a.Value.ValueKind == System.Text.Json.JsonValueKind.String ? a.Value.GetString() : a.Value.GetRawText())
            .FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        Reader.Dispose();
        await Consul.DisposeAsync();
    }
}
