namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>
/// The catalog of one datacenter: nodes, services and checks with Consul's table indexes.
/// Not thread-safe by itself; <see cref="SimulatorState"/> serialises access with one lock.
/// </summary>
internal sealed class CatalogStore
{
    private readonly Dictionary<(string Partition, string Node), NodeRecord> _nodes = [];
    private readonly Dictionary<(string Partition, string Node, string Namespace, string Id), ServiceRecord> _services = [];
    private readonly Dictionary<(string Partition, string Node, string CheckId), CheckRecord> _checks = [];
    private readonly Dictionary<string, ulong> _serviceNameIndex = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Partition, string Node), ulong> _nodeIndex = [];

    private readonly RaftLog _raft;

    /// <summary>Creates an empty catalog on the datacenter's raft log; its table indexes start at the log's index.</summary>
    public CatalogStore(string datacenter, RaftLog raft)
    {
        Datacenter = datacenter;
        _raft = raft;
        NodesTableIndex = ServicesTableIndex = ChecksTableIndex = NodeExtinctionIndex = raft.Index;
    }

    public string Datacenter { get; }

    /// <summary>The last raft index of this datacenter; never 0.</summary>
    public ulong RaftIndex => _raft.Index;

    public ulong NodesTableIndex { get; private set; }
    public ulong ServicesTableIndex { get; private set; }
    public ulong ChecksTableIndex { get; private set; }
    public ulong NodeExtinctionIndex { get; private set; }

    public ChangeNotifier Changes => _raft.Changes;

    /// <summary>Allocates (once per write) the raft index for the changes of the running write.</summary>
    public ulong WriteIndex() => _raft.WriteIndex();

    /// <summary>Commits the running write: bumps the raft index when something changed and wakes blocking queries.</summary>
    public bool Commit() => _raft.Commit();

    private static (string, string) NodeKey(string partition, string node) =>
        (partition.ToUpperInvariant(), node.ToUpperInvariant());

    public NodeRecord? FindNode(string partition, string node) =>
        _nodes.GetValueOrDefault(NodeKey(partition, node));

    public IEnumerable<NodeRecord> Nodes(string partition) =>
        _nodes.Values.Where(n => string.Equals(n.Partition, partition, StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Name, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<NodeRecord> AllNodes => _nodes.Values;

    public ServiceRecord? FindService(string partition, string node, string ns, string id) =>
        _services.GetValueOrDefault((partition.ToUpperInvariant(), node.ToUpperInvariant(), ns.ToUpperInvariant(), id.ToUpperInvariant()));

    public IEnumerable<ServiceRecord> ServicesOnNode(string partition, string node) =>
        _services.Values.Where(s => string.Equals(s.Tenancy.Partition, partition, StringComparison.OrdinalIgnoreCase)
                                    && string.Equals(s.NodeName, node, StringComparison.OrdinalIgnoreCase))
            .OrderBy(s => s.Id, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<ServiceRecord> Services(Tenancy tenancy) =>
        _services.Values.Where(s => string.Equals(s.Tenancy.Partition, tenancy.Partition, StringComparison.OrdinalIgnoreCase)
                                    && string.Equals(s.Tenancy.Namespace, tenancy.Namespace, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<CheckRecord> ChecksOnNode(string partition, string node) =>
        _checks.Where(c => string.Equals(c.Key.Partition, partition.ToUpperInvariant(), StringComparison.Ordinal)
                           && string.Equals(c.Key.Node, node.ToUpperInvariant(), StringComparison.Ordinal))
            .Select(c => c.Value);

    public ulong ServiceNameIndex(string name) =>
        _serviceNameIndex.TryGetValue(name, out var index) ? index : ServicesTableIndex;

    public ulong NodeIndex(string partition, string node) =>
        _nodeIndex.TryGetValue(NodeKey(partition, node), out var index) ? index : NodeExtinctionIndex;

    /// <summary>Creates or replaces a node; returns false when the stored node already has the same fields.</summary>
    public bool UpsertNode(NodeRecord node)
    {
        var key = NodeKey(node.Partition, node.Name);
        if (_nodes.TryGetValue(key, out var existing))
        {
            if (existing.SameFieldsAs(node))
            {
                return false;
            }

            node.CreateIndex = existing.CreateIndex;
        }
        else
        {
            node.CreateIndex = WriteIndex();
        }

        node.ModifyIndex = WriteIndex();
        _nodes[key] = node;
        NodesTableIndex = WriteIndex();
        _nodeIndex[key] = WriteIndex();
        return true;
    }

    /// <summary>Creates or replaces a service instance; returns false for an identical re-registration.</summary>
    public bool UpsertService(ServiceRecord service, string partition)
    {
        var key = (partition.ToUpperInvariant(), service.NodeName.ToUpperInvariant(),
            service.Tenancy.Namespace.ToUpperInvariant(), service.Id.ToUpperInvariant());
        if (_services.TryGetValue(key, out var existing))
        {
            if (existing.SameAs(service))
            {
                return false;
            }

            service.CreateIndex = existing.CreateIndex;
            if (!string.Equals(existing.Service, service.Service, StringComparison.OrdinalIgnoreCase))
            {
                _serviceNameIndex[existing.Service] = WriteIndex();
            }
        }
        else
        {
            service.CreateIndex = WriteIndex();
        }

        service.ModifyIndex = WriteIndex();
        _services[key] = service;
        TouchService(service);
        return true;
    }

    private void TouchService(ServiceRecord service)
    {
        ServicesTableIndex = WriteIndex();
        _serviceNameIndex[service.Service] = WriteIndex();
        _nodeIndex[NodeKey(service.Tenancy.Partition, service.NodeName)] = WriteIndex();
    }

    public bool UpsertCheck(CheckRecord check, string partition)
    {
        var key = (partition.ToUpperInvariant(), check.NodeName.ToUpperInvariant(), check.CheckId.ToUpperInvariant());
        if (_checks.TryGetValue(key, out var existing))
        {
            if (string.Equals(existing.ServiceId, check.ServiceId, StringComparison.Ordinal)
                && MapEquality.Equal(existing.Definition, check.Definition))
            {
                return false;
            }

            check.CreateIndex = existing.CreateIndex;
        }
        else
        {
            check.CreateIndex = WriteIndex();
        }

        check.ModifyIndex = WriteIndex();
        _checks[key] = check;
        ChecksTableIndex = WriteIndex();
        _nodeIndex[NodeKey(partition, check.NodeName)] = WriteIndex();
        return true;
    }

    /// <summary>Deletes one service and its checks; a missing service is a no-op.</summary>
    public bool DeleteService(string partition, string node, string ns, string id)
    {
        var key = (partition.ToUpperInvariant(), node.ToUpperInvariant(), ns.ToUpperInvariant(), id.ToUpperInvariant());
        if (!_services.Remove(key, out var removed))
        {
            return false;
        }

        TouchService(removed);
        foreach (var check in _checks.Where(c => c.Key.Item1 == key.Item1 && c.Key.Item2 == key.Item2
                                                 && string.Equals(c.Value.ServiceId, removed.Id, StringComparison.OrdinalIgnoreCase))
                     .Select(c => c.Key).ToList())
        {
            _checks.Remove(check);
            ChecksTableIndex = WriteIndex();
        }

        return true;
    }

    public bool DeleteCheck(string partition, string node, string checkId)
    {
        if (!_checks.Remove((partition.ToUpperInvariant(), node.ToUpperInvariant(), checkId.ToUpperInvariant())))
        {
            return false;
        }

        ChecksTableIndex = WriteIndex();
        _nodeIndex[NodeKey(partition, node)] = WriteIndex();
        return true;
    }

    /// <summary>Deletes a node with all its services and checks; a missing node is a no-op.</summary>
    public bool DeleteNode(string partition, string node)
    {
        var key = NodeKey(partition, node);
        if (!_nodes.Remove(key))
        {
            return false;
        }

        foreach (var service in ServicesOnNode(partition, node).ToList())
        {
            DeleteService(partition, node, service.Tenancy.Namespace, service.Id);
        }

        foreach (var check in ChecksOnNode(partition, node).ToList())
        {
            DeleteCheck(partition, node, check.CheckId);
        }

        NodesTableIndex = WriteIndex();
        NodeExtinctionIndex = WriteIndex();
        _nodeIndex.Remove(key);
        return true;
    }
}
