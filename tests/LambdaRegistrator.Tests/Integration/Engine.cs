using System.Net.Http.Json;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>A registrator wired to moto_server and a Consul target through its real environment, plus a reading client for assertions.</summary>
internal sealed class Engine : IDisposable
{
    public const string Node = "lambdas";
    private readonly StringWriter _log;

    private Engine(Registrator registrator, ConsulClient reader, StringWriter log)
    {
        Registrator = registrator;
        Consul = reader;
        _log = log;
    }

    public Registrator Registrator { get; }

    /// <summary>A plain client to read what the registrator wrote.</summary>
    public ConsulClient Consul { get; }

    /// <summary>Every JSON log line written so far.</summary>
    public string Log => _log.ToString();

    public static async Task<Engine> StartAsync(MotoServer moto, ConsulTarget consul, params (string Name, string Value)[] variables) =>
        await StartAsync(moto.Environment, consul, null, variables);

    public static async Task<Engine> StartAsync(
        IReadOnlyDictionary<string, string> awsEnvironment, ConsulTarget consul, ConsulClientOptions? readerOptions, params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string>(awsEnvironment, StringComparer.Ordinal)
        {
            ["CONSUL_HTTP_ADDR"] = consul.Address.AbsoluteUri,
            [RegistratorHostOptions.AccountIdVariable] = MotoServer.AccountId,
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        var log = new StringWriter();
        var registrator = await Registrator.CreateAsync(name => environment.GetValueOrDefault(name), new RegistratorHostOptions { LogOutput = log });
        var reader = new ConsulClient(readerOptions ?? new ConsulClientOptions { Address = consul.Address, Token = consul.ManagementToken });
        return new Engine(registrator, reader, log);
    }

    public async Task<IReadOnlyList<AgentService>> ServicesAsync(ConsulScope scope = default) =>
        (await Consul.GetNodeServicesAsync(Node, scope, CancellationToken.None)).Value.Services;

    public async Task<IReadOnlyList<string>> ServiceNamesAsync(ConsulScope scope = default) =>
        [.. (await ServicesAsync(scope)).Select(s => s.Id).Order(StringComparer.Ordinal)];

    public async Task<ServiceDefaultsEntry?> EntryAsync(string name, ConsulScope scope = default) =>
        (await Consul.GetServiceDefaultsAsync(name, scope, CancellationToken.None)).Value;

    public static string? Argument(ServiceDefaultsEntry entry, string name) =>
        Fakes.FakeConsulClient.Argument(entry, name);

    /// <summary>Creates an Enterprise partition and a namespace in it on the simulator.</summary>
    public static async Task CreateTenancyAsync(ConsulTarget consul, string partition, string @namespace)
    {
        using var http = new HttpClient { BaseAddress = consul.Address };
        using var partitionBody = JsonContent.Create(new Dictionary<string, string> { ["Name"] = partition }, Fakes.TestJsonContext.Default.DictionaryStringString);
        (await http.PutAsync("/v1/partition", partitionBody)).EnsureSuccessStatusCode();
        using var namespaceBody = JsonContent.Create(new Dictionary<string, string> { ["Name"] = @namespace }, Fakes.TestJsonContext.Default.DictionaryStringString);
        (await http.PutAsync($"/v1/namespace?partition={partition}", namespaceBody)).EnsureSuccessStatusCode();
    }

    public void Dispose()
    {
        Registrator.Dispose();
        Consul.Dispose();
        _log.Dispose();
    }
}
