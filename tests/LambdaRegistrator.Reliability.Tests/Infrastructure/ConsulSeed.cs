using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.TestKit.Consul;
using Ownership = LambdaRegistrator.Core.Planning.Ownership;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>Writes Consul objects directly, as other writers would: other registrators, the Go registrator, people.</summary>
internal sealed class ConsulSeed(ConsulTarget consul) : IDisposable
{
    private readonly ConsulClient _client = ConsulState.Client(consul);

    public Task ServiceAsync(string node, string name, IReadOnlyList<string> tags, IReadOnlyDictionary<string, string> meta) =>
        _client.RegisterAsync(
            new CatalogRegistration
            {
                Node = node,
                Address = node == ConsulState.Node ? null : "10.0.0.1",
                SkipNodeUpdate = node == ConsulState.Node,
                NodeMeta = node == ConsulState.Node ? LambdaRegistrator.Core.Planning.ConsulObjects.NodeMeta : new Dictionary<string, string>(),
                Service = new AgentService { Id = name, Service = name, Tags = tags, Meta = meta },
            },
            default,
            CancellationToken.None);

    public Task EntryAsync(string name, IReadOnlyDictionary<string, string> meta, string? lambdaArn, string protocol = "http") =>
        _client.SetServiceDefaultsAsync(
            new ServiceDefaultsEntry
            {
                Name = name,
                Protocol = protocol,
                Meta = meta,
                EnvoyExtensions = lambdaArn is null ? [] : [EnvoyExtension.AwsLambda(lambdaArn, false, "synchronous")],
            },
            default,
            null,
            CancellationToken.None);

    /// <summary>Every service instance on every node and every service-defaults entry, as comparable text.</summary>
    public async Task<IReadOnlyDictionary<string, string>> EverythingAsync()
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        var names = (await _client.ListServicesAsync(default, null, CancellationToken.None)).Value.Keys;
        foreach (var name in names)
        {
            foreach (var instance in (await _client.GetServiceAsync(name, default, CancellationToken.None)).Value)
            {
                all[$"service {instance.Node}/{instance.ServiceId}"] =
                    $"{instance.ServiceName} tags=[{string.Join(',', instance.ServiceTags)}] meta=[{string.Join(',', instance.ServiceMeta.OrderBy(m => m.Key, StringComparer.Ordinal))}] index={instance.ModifyIndex}";
            }
        }

        foreach (var entry in (await _client.ListServiceDefaultsAsync(default, null, CancellationToken.None)).Value)
        {
            all[$"entry {entry.Name}"] = $"index={entry.ModifyIndex} meta=[{string.Join(',', entry.Meta.OrderBy(m => m.Key, StringComparer.Ordinal))}]";
        }

        return all;
    }

    public void Dispose() => _client.Dispose();
}
