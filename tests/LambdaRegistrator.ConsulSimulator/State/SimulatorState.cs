using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.ConfigEntries;
using LambdaRegistrator.ConsulSimulator.ConnectCa;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Partitions;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>
/// Everything the simulated federation stores: per datacenter a raft log, a catalog and config entries (owned by the
/// primary, replicated into the secondaries); ACLs and Enterprise tenancy shared by all (Consul replicates them too);
/// the Connect CA. One lock guards it all.
/// </summary>
internal sealed class SimulatorState : IDisposable
{
    private readonly Dictionary<string, DatacenterState> _datacenters = new(StringComparer.Ordinal);

    public SimulatorState(SimulatorSettings settings, string? aclBootstrapToken, TimeProvider time)
    {
        Settings = settings;
        Time = time;
        Acl = new AclStore(aclBootstrapToken);
        Tenancies = new TenancyStore();
        Ca = new CertificateAuthority(settings.LeafCertificateTtl, time);
        foreach (var dc in settings.Datacenters)
        {
            _datacenters[dc] = new DatacenterState(dc, StartIndex(dc));
        }

        Replication = new ConfigReplication(Sync, time, settings.ReplicationDelay, () => PrimaryDatacenter,
            () => _datacenters.Values.Where(dc => dc.Name != settings.PrimaryDatacenter));
        SeedServers();
    }

    public Lock Sync { get; } = new();

    public SimulatorSettings Settings { get; }

    /// <summary>The clock of replication, blocking queries and certificates.</summary>
    public TimeProvider Time { get; }

    public AclStore Acl { get; }

    public TenancyStore Tenancies { get; }

    public CertificateAuthority Ca { get; }

    public ConfigReplication Replication { get; }

    /// <summary>The primary datacenter: config entry writes land here.</summary>
    public DatacenterState PrimaryDatacenter => _datacenters[Settings.PrimaryDatacenter];

    /// <summary>The primary's catalog and raft log (ACL, partition and namespace writes go there).</summary>
    public CatalogStore Primary => PrimaryDatacenter.Catalog;

    /// <summary>A datacenter; an unknown one fails with Consul's 500 <c>No path to datacenter</c> (<c>structs.ErrNoDCPath</c>).</summary>
    public DatacenterState Datacenter(string name) =>
        _datacenters.TryGetValue(name, out var dc) ? dc : throw ConsulApiException.Internal("No path to datacenter");

    /// <summary>The catalog of a datacenter; an unknown one fails with Consul's 500 <c>No path to datacenter</c>.</summary>
    public CatalogStore Catalog(string datacenter) => Datacenter(datacenter).Catalog;

    /// <summary>Forgets every write: empty catalogs (except the servers), no config entries, only the bootstrap ACL token.</summary>
    public void Reset()
    {
        lock (Sync)
        {
            Replication.Cancel();
            foreach (var name in _datacenters.Keys.ToList())
            {
                var old = _datacenters[name];
                _datacenters[name] = new DatacenterState(name, Math.Max(old.Raft.Index + 1, StartIndex(name)));
                old.Raft.Changes.Notify();
            }

            Acl.Reset();
            Tenancies.Reset();
            SeedServers();
        }
    }

    /// <summary>
    /// Why: the raft logs of real datacenters have unrelated histories, so their indexes differ; starting each log 100
    /// further keeps an index read in one datacenter from matching another's by chance (a CAS taken from a secondary
    /// must fail in the primary, as it does in a real federation).
    /// </summary>
    private ulong StartIndex(string datacenter) => 1 + (100UL * (ulong)Math.Max(0, Settings.Datacenters.ToList().IndexOf(datacenter)));

    /// <summary>Why: a real cluster always lists the <c>consul</c> service of its servers in the catalog.</summary>
    private void SeedServers()
    {
        foreach (var catalog in _datacenters.Values.Select(dc => dc.Catalog))
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
                Meta = new Dictionary<string, string>(StringComparer.Ordinal) { ["consul-network-segment"] = "", ["consul-version"] = SimulatorSettings.ConsulVersion },
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

    public void Dispose()
    {
        Replication.Dispose();
        Ca.Dispose();
    }
}
