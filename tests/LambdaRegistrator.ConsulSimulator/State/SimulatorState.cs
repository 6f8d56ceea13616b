using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.ConfigEntries;
using LambdaRegistrator.ConsulSimulator.ConnectCa;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Partitions;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>
/// Everything the simulated cluster stores: one catalog per datacenter (each with its own raft index), config
/// entries and ACLs in the primary datacenter, Enterprise tenancy and the Connect CA. One lock guards it all.
/// </summary>
internal sealed class SimulatorState : IDisposable
{
    private readonly Dictionary<string, CatalogStore> _catalogs = new(StringComparer.Ordinal);

    public SimulatorState(SimulatorSettings settings, string? aclBootstrapToken, TimeProvider time)
    {
        Settings = settings;
        Acl = new AclStore(aclBootstrapToken);
        Tenancies = new TenancyStore();
        Ca = new CertificateAuthority(settings.LeafCertificateTtl, time);
        foreach (var dc in settings.Datacenters)
        {
            _catalogs[dc] = new CatalogStore(dc);
        }

        Config = new ConfigEntryStore(_catalogs[settings.Datacenter]);
        SeedServers();
    }

    public Lock Sync { get; } = new();

    public SimulatorSettings Settings { get; }

    public AclStore Acl { get; }

    public TenancyStore Tenancies { get; }

    public ConfigEntryStore Config { get; private set; }

    public CertificateAuthority Ca { get; }

    public CatalogStore Primary => _catalogs[Settings.Datacenter];

    /// <summary>The catalog of a datacenter; an unknown one fails with Consul's 500 <c>No path to datacenter</c>.</summary>
    public CatalogStore Catalog(string datacenter) =>
        _catalogs.TryGetValue(datacenter, out var catalog) ? catalog : throw ConsulApiException.Internal("No path to datacenter");

    /// <summary>Forgets every write: empty catalogs (except the servers), no config entries, only the bootstrap ACL token.</summary>
    public void Reset()
    {
        lock (Sync)
        {
            foreach (var dc in _catalogs.Keys.ToList())
            {
                var old = _catalogs[dc];
                _catalogs[dc] = new CatalogStore(dc, old.RaftIndex + 1);
                old.Changes.Notify();
            }

            Config = new ConfigEntryStore(Primary, Primary.RaftIndex);
            Acl.Reset();
            Tenancies.Reset();
            SeedServers();
        }
    }

    /// <summary>Why: a real cluster always lists the <c>consul</c> service of its servers in the catalog.</summary>
    private void SeedServers()
    {
        foreach (var catalog in _catalogs.Values)
        {
            catalog.UpsertNode(new NodeRecord
            {
                Name = Settings.ServerNodeName,
                Partition = Tenancy.DefaultName,
                Id = Guid.NewGuid().ToString(),
                Address = "127.0.0.1",
                TaggedAddresses = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    ["lan"] = "127.0.0.1",
                    ["lan_ipv4"] = "127.0.0.1",
                    ["wan"] = "127.0.0.1",
                    ["wan_ipv4"] = "127.0.0.1",
                },
                Meta = new Dictionary<string, string>(StringComparer.Ordinal) { ["consul-network-segment"] = "", ["consul-version"] = "1.22.0" },
            });
            catalog.UpsertService(
                new ServiceRecord
                {
                    NodeName = Settings.ServerNodeName,
                    Tenancy = Tenancy.Default,
                    Id = "consul",
                    Service = "consul",
                    Port = 8300,
                    Proxy = null,
                },
                Tenancy.DefaultName);
            catalog.Commit();
        }
    }

    public void Dispose() => Ca.Dispose();
}
