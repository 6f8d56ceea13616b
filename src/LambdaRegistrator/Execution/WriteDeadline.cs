namespace LambdaRegistrator.Execution;

/// <summary>
/// The token writes already in flight run under: it fires <c>grace</c> (DEADLINE_MARGIN_MS) after the deadline token
/// fires, measured on the registrator's <see cref="TimeProvider"/>, so that a write may finish inside the margin but
/// never runs past the invocation's real deadline. Consul writes and SSM mesh-identity writes share this rule.
/// </summary>
internal sealed class WriteDeadline : IDisposable
{
    private readonly CancellationTokenSource _writes;
    private readonly CancellationTokenRegistration _start;

    /// <param name="grace">How long writes in flight may run after <paramref name="deadline"/> fires.</param>
    /// <param name="time">The registrator's clock.</param>
    /// <param name="deadline">Fires when no new write may start.</param>
    public WriteDeadline(TimeSpan grace, TimeProvider time, CancellationToken deadline)
    {
        // Why: a source created with a TimeProvider runs CancelAfter on that provider's timers, not the wall clock.
        _writes = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        _start = deadline.Register(static state =>
        {
            var (writes, grace) = ((CancellationTokenSource, TimeSpan))state!;
            writes.CancelAfter(grace);
        }, (_writes, grace));
    }

    /// <summary>Pass this to every write.</summary>
    public CancellationToken Token => _writes.Token;

    public void Dispose()
    {
        _start.Dispose();
        _writes.Dispose();
    }
}
