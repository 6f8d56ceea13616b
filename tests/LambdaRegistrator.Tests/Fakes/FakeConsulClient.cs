using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Agent;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Connect;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>
/// An in-memory Community Edition Consul (one datacenter, <c>dc1</c>) with check-and-set config entries, recording
/// every write; hooks let a test play a concurrent writer or a failing endpoint.
/// </summary>
internal sealed class FakeConsulClient : IConsulClient
{
    public const string Datacenter = "dc1";
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentService> _services = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ConfigEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private string? _nodeName;
    private ulong _index = 10;

    public List<string> Writes { get; } = [];

    /// <summary>Called with the entry name before each config write is checked; lets a test play another writer.</summary>
    public Action<string>? BeforeConfigWrite { get; set; }

    /// <summary>Awaited before every write with its description and the token the write was given (e.g. to hold a write in flight).</summary>
    public Func<string, CancellationToken, Task>? WriteGate { get; set; }

    /// <summary>Called after every write (e.g. to fire a deadline).</summary>
    public Action<string>? AfterWrite { get; set; }

    /// <summary>Service IDs whose catalog registration fails with a 500.</summary>
    public HashSet<string> FailRegister { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyDictionary<string, AgentService> Services
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, AgentService>(_services, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Set when list reads of config entries should say Consul filtered them by ACLs.</summary>
    public bool FilterConfigEntryLists { get; set; }

    /// <summary>The service-defaults entries, by name.</summary>
    public IReadOnlyDictionary<string, ServiceDefaultsEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.Values
                    .Where(e => e.Kind == ServiceDefaultsEntry.KindName)
                    .ToDictionary(e => e.Name, ServiceDefaultsClientExtensions.FromConfigEntry, StringComparer.OrdinalIgnoreCase);
            }
        }
    }

    /// <summary>Writes an entry directly, as another writer would.</summary>
    public void PutEntryDirectly(ServiceDefaultsEntry entry)
    {
        var generic = ServiceDefaultsClientExtensions.ToConfigEntry(entry);
        lock (_gate)
        {
            var key = Key(generic.Kind, generic.Name);
            _entries[key] = generic with { ModifyIndex = ++_index, CreateIndex = _entries.TryGetValue(key, out var old) ? old.CreateIndex : _index };
        }
    }

    private static string Key(string kind, string name) => kind + "/" + name;

    /// <summary>Registers a service directly on a node, as another writer would.</summary>
    public void PutServiceDirectly(string node, AgentService service)
    {
        lock (_gate)
        {
            _nodeName = node;
            _services[service.Id] = service;
        }
    }

    public async Task RegisterAsync(CatalogRegistration registration, ConsulScope scope, CancellationToken cancellationToken)
    {
        Check(scope);
        var service = registration.Service!;
        if (WriteGate is { } gate)
        {
            await gate("register " + service.Id, cancellationToken).ConfigureAwait(false);
        }

        if (FailRegister.Contains(service.Id))
        {
            throw new ConsulUnavailableException($"PUT /v1/catalog/register failed for {service.Id} (simulated 500).");
        }

        lock (_gate)
        {
            _nodeName = registration.Node;
            _services[service.Id] = service with { ModifyIndex = ++_index };
            Writes.Add("register " + service.Id);
        }

        AfterWrite?.Invoke("register " + service.Id);
    }

    public Task DeregisterAsync(CatalogDeregistration deregistration, ConsulScope scope, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            _services.Remove(deregistration.ServiceId!);
            Writes.Add("deregister " + deregistration.ServiceId);
        }

        AfterWrite?.Invoke("deregister " + deregistration.ServiceId);
        return Task.CompletedTask;
    }

    public Task<QueryResult<CatalogNodeServiceList>> GetNodeServicesAsync(string node, ConsulScope scope, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            var known = string.Equals(node, _nodeName, StringComparison.OrdinalIgnoreCase);
            var list = new CatalogNodeServiceList
            {
                Node = known ? new CatalogNode { Name = node, Datacenter = Datacenter } : null,
                Services = known ? [.. _services.Values.OrderBy(s => s.Id, StringComparer.Ordinal)] : [],
            };
            return Task.FromResult(new QueryResult<CatalogNodeServiceList>(list, Meta()));
        }
    }

    public Task<QueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ListServicesAsync(ConsulScope scope, CatalogServicesQuery? query, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            IReadOnlyDictionary<string, IReadOnlyList<string>> names = _services.Values.ToDictionary(s => s.Service, s => s.Tags, StringComparer.Ordinal);
            return Task.FromResult(new QueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>(names, Meta()));
        }
    }

    public Task<QueryResult<IReadOnlyList<CatalogService>>> GetServiceAsync(string service, ConsulScope scope, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            IReadOnlyList<CatalogService> instances = [.. _services.Values
                .Where(s => string.Equals(s.Service, service, StringComparison.OrdinalIgnoreCase))
                .Select(s => new CatalogService { Node = _nodeName!, Datacenter = Datacenter, ServiceId = s.Id, ServiceName = s.Service, ServiceTags = s.Tags, ServiceMeta = s.Meta })];
            return Task.FromResult(new QueryResult<IReadOnlyList<CatalogService>>(instances, Meta()));
        }
    }

    public Task<IReadOnlyList<string>> ListDatacentersAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([Datacenter]);

    public Task<AgentSelf> GetAgentSelfAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new AgentSelf { Config = new AgentSelfConfig { Datacenter = Datacenter, PrimaryDatacenter = Datacenter, NodeName = "agent" } });

    public Task<bool> SetConfigEntryAsync(ConfigEntry entry, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        Check(scope);
        BeforeConfigWrite?.Invoke(entry.Name);
        bool written;
        lock (_gate)
        {
            var key = Key(entry.Kind, entry.Name);
            var exists = _entries.TryGetValue(key, out var current);
            if (cas is { } index && (exists ? current!.ModifyIndex != index : index != 0))
            {
                Writes.Add("set " + entry.Name + " (cas lost)");
                written = false;
            }
            else
            {
                _entries[key] = entry with { ModifyIndex = ++_index, CreateIndex = exists ? current!.CreateIndex : _index };
                Writes.Add("set " + entry.Name);
                written = true;
            }
        }

        AfterWrite?.Invoke("set " + entry.Name);
        return Task.FromResult(written);
    }

    public Task<QueryResult<ConfigEntry?>> GetConfigEntryAsync(string kind, string name, ConsulScope scope, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            return Task.FromResult(new QueryResult<ConfigEntry?>(_entries.GetValueOrDefault(Key(kind, name)), Meta()));
        }
    }

    public Task<QueryResult<IReadOnlyList<ConfigEntry>>> ListConfigEntriesAsync(string kind, ConsulScope scope, string? filter, CancellationToken cancellationToken)
    {
        Check(scope);
        lock (_gate)
        {
            IReadOnlyList<ConfigEntry> list = [.. _entries.Values.Where(e => e.Kind == kind).OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)];
            return Task.FromResult(new QueryResult<IReadOnlyList<ConfigEntry>>(list, Meta() with { ResultsFilteredByAcls = FilterConfigEntryLists }));
        }
    }

    public Task<bool> DeleteConfigEntryAsync(string kind, string name, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        Check(scope);
        bool deleted;
        lock (_gate)
        {
            var key = Key(kind, name);
            if (_entries.TryGetValue(key, out var current) && cas is { } index && current.ModifyIndex != index)
            {
                Writes.Add("delete " + name + " (cas lost)");
                deleted = false;
            }
            else
            {
                _entries.Remove(key);
                Writes.Add("delete " + name);
                deleted = true;
            }
        }

        AfterWrite?.Invoke("delete " + name);
        return Task.FromResult(deleted);
    }

    public Task<QueryResult<CARootList>> GetCARootsAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new QueryResult<CARootList>(new CARootList { TrustDomain = "fake.consul", ActiveRootID = "r1", Roots = [new CARoot { ID = "r1", Active = true, RootCertPEM = "ROOT" }] }, Meta()));

    private int _leafRequests;

    public int LeafRequests => Volatile.Read(ref _leafRequests);

    public Task<QueryResult<LeafCert>> GetLeafCertAsync(string service, ConsulScope scope, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _leafRequests);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={service}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddHours(72));
        var leaf = new LeafCert
        {
            Service = service,
            CertPEM = certificate.ExportCertificatePem(),
            PrivateKeyPEM = key.ExportPkcs8PrivateKeyPem(),
            ValidAfter = certificate.NotBefore.ToUniversalTime(),
            ValidBefore = certificate.NotAfter.ToUniversalTime(),
        };
        return Task.FromResult(new QueryResult<LeafCert>(leaf, Meta()));
    }

    private static QueryMeta Meta() => new(1, true, TimeSpan.Zero, null, false);

    private static void Check(ConsulScope scope)
    {
        if (scope.Datacenter is not null && !string.Equals(scope.Datacenter, Datacenter, StringComparison.OrdinalIgnoreCase))
        {
            throw new ConsulException($"No path to datacenter {scope.Datacenter} (fake).", "request", HttpStatusCode.InternalServerError, "No path to datacenter", isTransient: false);
        }
    }

    /// <summary>An entry's lambda arn argument, for assertions.</summary>
    public static string? ArnArgument(ServiceDefaultsEntry entry) =>
        entry.EnvoyExtensions.SelectMany(e => e.Arguments).Where(a => a.Key == "arn").Select(a => a.Value.GetString()).FirstOrDefault();

    /// <summary>An entry's argument as raw JSON, for assertions.</summary>
    public static string? Argument(ServiceDefaultsEntry entry, string name) =>
        entry.EnvoyExtensions.SelectMany(e => e.Arguments).Where(a => a.Key == name).Select(a => a.Value.ValueKind == JsonValueKind.String ? a.Value.GetString() : a.Value.GetRawText()).FirstOrDefault();
}
