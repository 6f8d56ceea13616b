namespace LambdaRegistrator.Cli.Tests;

/// <summary>A clock that moves and fires its timers only when the test says so, on the test's thread.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private readonly List<TimerCallback> _callbacks = [];
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => _ticks;

    public override DateTimeOffset GetUtcNow() => DateTimeOffset.UnixEpoch.AddTicks(_ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        _callbacks.Add(callback);
        return new Inert();
    }

    /// <summary>Moves the clock by <paramref name="by"/> and fires every timer once.</summary>
    public void Tick(TimeSpan by)
    {
        _ticks += by.Ticks;
        foreach (var callback in _callbacks)
        {
            callback(null);
        }
    }

    private sealed class Inert : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
