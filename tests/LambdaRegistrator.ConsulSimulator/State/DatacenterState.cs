using LambdaRegistrator.ConsulSimulator.ConfigEntries;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>One datacenter of the simulated federation: its raft log, its catalog and its config entries (owned or replicated).</summary>
internal sealed class DatacenterState
{
    public DatacenterState(string name, ulong startIndex = 1)
    {
        Name = name;
        Raft = new RaftLog(startIndex);
        Catalog = new CatalogStore(name, Raft);
        Config = new ConfigEntryStore(Raft);
    }

    public string Name { get; }

    public RaftLog Raft { get; }

    public CatalogStore Catalog { get; }

    public ConfigEntryStore Config { get; }
}
