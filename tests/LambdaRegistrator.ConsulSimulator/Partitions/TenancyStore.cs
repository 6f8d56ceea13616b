using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>Partitions and namespaces of Enterprise mode; <c>default</c>/<c>default</c> always exists. Guarded by the state lock.</summary>
internal sealed class TenancyStore
{
    private readonly Dictionary<string, PartitionRecord> _partitions = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string, string), NamespaceRecord> _namespaces = [];

    public TenancyStore()
    {
        Reset();
    }

    public void Reset()
    {
        _partitions.Clear();
        _namespaces.Clear();
        _partitions[Tenancy.DefaultName] = new PartitionRecord(Tenancy.DefaultName, "Builtin Default Partition", 1, 1);
        Put(new NamespaceRecord(Tenancy.DefaultName, Tenancy.DefaultName, "Builtin Default Namespace", 1, 1));
    }

    public PartitionRecord? FindPartition(string name) => _partitions.GetValueOrDefault(name);

    public void Put(PartitionRecord partition)
    {
        _partitions[partition.Name] = partition;
        if (FindNamespace(partition.Name, Tenancy.DefaultName) is null)
        {
            Put(new NamespaceRecord(Tenancy.DefaultName, partition.Name, "Builtin Default Namespace", partition.CreateIndex, partition.CreateIndex));
        }
    }

    public NamespaceRecord? FindNamespace(string partition, string name) =>
        _namespaces.GetValueOrDefault((partition.ToUpperInvariant(), name.ToUpperInvariant()));

    public void Put(NamespaceRecord ns) => _namespaces[(ns.Partition.ToUpperInvariant(), ns.Name.ToUpperInvariant())] = ns;

    public IEnumerable<PartitionRecord> Partitions => _partitions.Values.OrderBy(p => p.Name, StringComparer.Ordinal);

    public IEnumerable<NamespaceRecord> Namespaces(string partition) =>
        _namespaces.Values.Where(n => string.Equals(n.Partition, partition, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Name, StringComparer.Ordinal);

    /// <summary>
    /// Fails like Enterprise Consul when the partition or namespace does not exist (ENT texts are not public:
    /// the namespace text follows hashicorp/consul#8123, the partition text is modelled on it).
    /// </summary>
    public void EnsureExists(Tenancy tenancy, bool namespaceMatters = true)
    {
        if (FindPartition(tenancy.Partition) is null)
        {
            throw ConsulApiException.Internal($"Partition \"{tenancy.Partition}\" does not exist");
        }

        if (namespaceMatters && tenancy.Namespace != "*" && FindNamespace(tenancy.Partition, tenancy.Namespace) is null)
        {
            throw ConsulApiException.Internal($"Namespace \"{tenancy.Namespace}\" does not exist");
        }
    }
}
