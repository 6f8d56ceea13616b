using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// Replicates the primary's config entries into each secondary datacenter a fixed delay after a primary write, on the
/// injected clock (tests advance a fake one). Why a delay: a secondary's <c>replicateConfig</c> loop
/// (<c>agent/consul/config_replication.go</c>) runs a blocking query against the primary and applies what changed
/// through its own raft log, so a secondary lags behind every write. A zero delay replicates within the write itself.
/// </summary>
internal sealed class ConfigReplication : IDisposable
{
    private readonly Lock _sync;
    private readonly TimeProvider _time;
    private readonly TimeSpan _delay;
    private readonly Func<DatacenterState> _primary;
    private readonly Func<IEnumerable<DatacenterState>> _secondaries;
    private readonly Dictionary<string, ITimer> _pending = new(StringComparer.Ordinal);
    private bool _disposed;

    public ConfigReplication(Lock sync, TimeProvider time, TimeSpan delay, Func<DatacenterState> primary, Func<IEnumerable<DatacenterState>> secondaries)
    {
        _sync = sync;
        _time = time;
        _delay = delay;
        _primary = primary;
        _secondaries = secondaries;
    }

    /// <summary>Completed replication rounds that changed something, over all secondaries (for tests and diagnostics).</summary>
    public int Rounds { get; private set; }

    /// <summary>Called with the state lock held after a config write in the primary: schedules a round per secondary.</summary>
    public void PrimaryChanged()
    {
        if (_disposed)
        {
            return;
        }

        foreach (var secondary in _secondaries())
        {
            if (_delay <= TimeSpan.Zero)
            {
                Replicate(secondary);
                continue;
            }

            if (_pending.ContainsKey(secondary.Name))
            {
                // The round already scheduled reads the primary as it is then, so it carries this write too.
                continue;
            }

            var name = secondary.Name;
            _pending[name] = _time.CreateTimer(_ => RunRound(name), null, _delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>True when no round is scheduled (every secondary holds what the primary had at its last round).</summary>
    public bool Idle
    {
        get
        {
            lock (_sync)
            {
                return _pending.Count == 0;
            }
        }
    }

    private void RunRound(string datacenter)
    {
        lock (_sync)
        {
            if (_pending.Remove(datacenter, out var timer))
            {
                timer.Dispose();
            }

            if (_disposed)
            {
                return;
            }

            var secondary = _secondaries().FirstOrDefault(dc => dc.Name == datacenter);
            if (secondary is not null)
            {
                Replicate(secondary);
            }
        }
    }

    private void Replicate(DatacenterState secondary)
    {
        if (secondary.Config.ReplicateFrom(_primary().Config) > 0)
        {
            Rounds++;
        }
    }

    /// <summary>Drops scheduled rounds (on reset the stores are replaced, so nothing is left to replicate).</summary>
    public void Cancel()
    {
        foreach (var timer in _pending.Values)
        {
            timer.Dispose();
        }

        _pending.Clear();
    }

    public void Dispose()
    {
        lock (_sync)
        {
            _disposed = true;
            Cancel();
        }
    }
}
