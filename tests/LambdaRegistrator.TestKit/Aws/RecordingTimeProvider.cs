using System.Collections.Concurrent;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// A virtual clock for retry and rate-limit tests: every timer fires at once, advances the clock by its due time
/// and is recorded, so waits are asserted from <see cref="Delays"/> and <see cref="Elapsed"/>, never from wall time.
/// </summary>
public sealed class RecordingTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly ConcurrentQueue<TimeSpan> _delays = new();
    private long _elapsedTicks;

    /// <summary>Every timer due time requested so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays => [.. _delays];

    /// <summary>Virtual time that has passed: the sum of every delay.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _elapsedTicks));

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => Start + Elapsed;

    /// <inheritdoc/>
    public override long GetTimestamp() => Interlocked.Read(ref _elapsedTicks);

    /// <inheritdoc/>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Moves the clock forward without a timer, e.g. to let a rate-limit bucket refill.</summary>
    public void Advance(TimeSpan by) => Interlocked.Add(ref _elapsedTicks, by.Ticks);

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return new InertTimer();
        }

        _delays.Enqueue(dueTime);
        Advance(dueTime);
        ThreadPool.QueueUserWorkItem(_ => callback(state));
        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
