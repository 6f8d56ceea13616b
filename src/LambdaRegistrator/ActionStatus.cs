namespace LambdaRegistrator;

/// <summary>How one planned action ended.</summary>
public enum ActionStatus
{
    /// <summary>Every step was written (or, after a lost check-and-set race, the re-plan found nothing left to do).</summary>
    Done,

    /// <summary>A step failed; the message says which and why. The other actions still ran.</summary>
    Failed,

    /// <summary>Not started because the invocation deadline (minus DEADLINE_MARGIN_MS) was reached; the next sync does it.</summary>
    Skipped,

    /// <summary>A dry run: planned, not written.</summary>
    Planned,
}
