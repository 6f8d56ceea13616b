namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>
/// The raft log of one datacenter: its last index, the index the running write commits at, and the notifier that
/// wakes blocking queries. Catalog and config entries of a datacenter share it, as they share one raft log in Consul.
/// Not thread-safe by itself; <see cref="SimulatorState"/> serialises access with one lock.
/// </summary>
internal sealed class RaftLog
{
    private ulong? _pendingIndex;

    /// <summary>Starts a log whose last index is <paramref name="startIndex"/> (at least 1, kept across a reset so indexes never go backwards).</summary>
    public RaftLog(ulong startIndex = 1)
    {
        Index = Math.Max(startIndex, 1);
    }

    /// <summary>The last committed index; never 0.</summary>
    public ulong Index { get; private set; }

    public ChangeNotifier Changes { get; } = new();

    /// <summary>Allocates (once per write) the index the changes of the running write commit at.</summary>
    public ulong WriteIndex()
    {
        _pendingIndex ??= Index + 1;
        return _pendingIndex.Value;
    }

    /// <summary>Commits the running write: moves the index when something changed and wakes blocking queries.</summary>
    public bool Commit()
    {
        if (_pendingIndex is not { } index)
        {
            return false;
        }

        Index = index;
        _pendingIndex = null;
        Changes.Notify();
        return true;
    }
}
