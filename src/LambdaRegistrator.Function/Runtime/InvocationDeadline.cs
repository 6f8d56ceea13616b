namespace LambdaRegistrator.Function.Runtime;

/// <summary>Turns Lambda's deadline into the moment the handler's token fires.</summary>
internal static class InvocationDeadline
{
    /// <summary>Parses <c>Lambda-Runtime-Deadline-Ms</c> (Unix epoch milliseconds); null when absent or not a number.</summary>
    public static DateTimeOffset? Parse(string? deadlineMs) =>
        long.TryParse(deadlineMs, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>
    /// How long from <paramref name="now"/> until the token fires: the deadline minus the margin, never negative
    /// (zero means "already due"); null for no deadline.
    /// </summary>
    public static TimeSpan? TimeUntilStop(DateTimeOffset deadline, TimeSpan margin, DateTimeOffset now)
    {
        if (deadline == DateTimeOffset.MaxValue)
        {
            return null;
        }

        var remaining = deadline - margin - now;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>
    /// A token source that fires at the deadline minus the margin, measured on <paramref name="time"/>, and when
    /// <paramref name="shutdown"/> fires.
    /// </summary>
    public static CancellationTokenSource CreateTokenSource(DateTimeOffset deadline, TimeSpan margin, TimeProvider time, CancellationToken shutdown)
    {
        ArgumentNullException.ThrowIfNull(time);
        var source = new DeadlineTokenSource(time, shutdown);
        switch (TimeUntilStop(deadline, margin, time.GetUtcNow()))
        {
            case null:
                break;
            case { } due when due == TimeSpan.Zero:
                source.Cancel();
                break;
            case { } due:
                // Why: CancelAfter takes at most int.MaxValue ms (~24 days); Lambda deadlines are ≤ 15 minutes away.
                source.CancelAfter(due < TimeSpan.FromDays(1) ? due : TimeSpan.FromDays(1));
                break;
        }

        return source;
    }

    /// <summary>
    /// A source whose CancelAfter runs on the given clock's timers (a linked source would run on the wall clock), and
    /// that also fires with the shutdown token; disposing it drops the shutdown registration.
    /// </summary>
    private sealed class DeadlineTokenSource : CancellationTokenSource
    {
        private readonly CancellationTokenRegistration _shutdown;

        public DeadlineTokenSource(TimeProvider time, CancellationToken shutdown)
            : base(Timeout.InfiniteTimeSpan, time)
        {
            _shutdown = shutdown.Register(static state => ((CancellationTokenSource)state!).Cancel(), this);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _shutdown.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
