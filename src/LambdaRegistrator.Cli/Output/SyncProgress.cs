using System.Globalization;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Cli.Output;

/// <summary>
/// Progress lines on stderr while a sync runs: one every <c>interval</c> (reading state, then actions finished of
/// planned) and one after every <c>every</c> finished actions. Sits between the engine and its logger, counting the
/// engine's own log events (Planned, ActionDone/Failed/Skipped), and forwards each line the inner logger wants.
/// </summary>
internal sealed class SyncProgress : ILogger, IDisposable
{
    private const string PlannedEvent = "Planned";
    private const string ActionsField = "Actions";
    private readonly ILogger _inner;
    private readonly TextWriter _output;
    private readonly int _every;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly ITimer _timer;
    private int _planned = -1;
    private int _done;
    private int _failed;
    private int _skipped;

    /// <summary>Starts the interval timer; dispose to stop it.</summary>
    public SyncProgress(ILogger inner, TextWriter output, int every, TimeSpan interval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        _inner = inner;
        _output = output;
        _every = every;
        _time = time;
        _started = time.GetTimestamp();
        _timer = time.CreateTimer(_ => Tick(), null, interval, interval);
    }

    /// <summary>Actions finished so far (done, failed or skipped).</summary>
    public int Finished => Volatile.Read(ref _done) + Volatile.Read(ref _failed) + Volatile.Read(ref _skipped);

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => _inner.BeginScope(state);

    /// <inheritdoc />
    // Why: the engine's source-generated log calls check IsEnabled first; the events counted here are Information and
    // above, so they must reach Log even when the user's level (CLI default warn) hides them.
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None || _inner.IsEnabled(logLevel);

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var counted = eventId.Name switch
        {
            "ActionDone" => Interlocked.Increment(ref _done),
            "ActionFailed" => Interlocked.Increment(ref _failed),
            "ActionSkipped" => Interlocked.Increment(ref _skipped),
            _ => 0,
        };
        if (counted > 0 && Finished % _every == 0)
        {
            Print();
        }
        else if (eventId.Name == PlannedEvent && state is IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            foreach (var (key, value) in fields)
            {
                if (key == ActionsField && value is int planned)
                {
                    Volatile.Write(ref _planned, planned);
                }
            }
        }

        if (_inner.IsEnabled(logLevel))
        {
            _inner.Log(logLevel, eventId, state, exception, formatter);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _timer.Dispose();

    private void Tick()
    {
        var planned = Volatile.Read(ref _planned);
        if (planned < 0 || Finished < planned)
        {
            Print();
        }
    }

    private void Print()
    {
        var elapsed = _time.GetElapsedTime(_started);
        var planned = Volatile.Read(ref _planned);
        var line = planned < 0 && Finished == 0
            ? string.Create(CultureInfo.InvariantCulture, $"sync: reading AWS functions and Consul services... {elapsed.TotalSeconds:0}s")
            : string.Create(
                CultureInfo.InvariantCulture,
                $"sync: {Finished}/{(planned < 0 ? "?" : planned.ToString(CultureInfo.InvariantCulture))} action(s) finished ({_done} done, {_failed} failed, {_skipped} skipped) {elapsed.TotalSeconds:0}s");
        _output.WriteLine(line);
    }
}
