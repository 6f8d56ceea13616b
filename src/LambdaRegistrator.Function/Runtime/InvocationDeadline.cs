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

    /// <summary>A token source that fires at the deadline minus the margin, linked to <paramref name="shutdown"/>.</summary>
    public static CancellationTokenSource CreateTokenSource(DateTimeOffset deadline, TimeSpan margin, TimeProvider time, CancellationToken shutdown)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
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
}
