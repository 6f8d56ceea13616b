namespace LambdaRegistrator;

/// <summary>The overall result of one invocation, in the order a host should check them.</summary>
public enum SyncOutcome
{
    /// <summary>Everything planned was done (or, for a dry run, planned); reported problems (invalid tags, collisions) do not fail a sync.</summary>
    Succeeded,

    /// <summary>A well-formed event that needs no work; <see cref="SyncReport.Reason"/> says why.</summary>
    Ignored,

    /// <summary>Malformed input; nothing was written and <see cref="SyncReport.Reason"/> says what is wrong.</summary>
    Rejected,

    /// <summary>An AWS or Consul read, an action or an extension-data write failed; every other action was still tried.</summary>
    Failed,

    /// <summary>The deadline was reached before every action started; the rest is left to the next sync.</summary>
    DeadlineReached,
}
