namespace LambdaRegistrator;

/// <summary>What started an invocation's work; its name (<see cref="SyncTriggerNames.ToName"/>) is what reports and logs print.</summary>
public enum SyncTrigger
{
    /// <summary><c>full-sync</c>: every function (a scheduled event, the CLI's <c>sync</c> and <c>plan</c>).</summary>
    FullSync,

    /// <summary><c>targeted-sync</c>: one function, after a CloudTrail-recorded Lambda API call or the CLI's <c>--function</c>.</summary>
    TargetedSync,

    /// <summary><c>register</c>: a manual registration.</summary>
    Register,

    /// <summary><c>deregister</c>: a manual deregistration.</summary>
    Deregister,

    /// <summary><c>adopt</c>: a one-shot adoption of services the Go registrator wrote (the CLI's <c>adopt</c>).</summary>
    Adopt,

    /// <summary><c>ignored</c>: a well-formed event that needs no work.</summary>
    Ignored,

    /// <summary><c>rejected</c>: an event or argument that could not be used.</summary>
    Rejected,
}

/// <summary>The one mapping from <see cref="SyncTrigger"/> to the name in JSON summaries, CLI output and logs.</summary>
public static class SyncTriggerNames
{
    /// <summary><c>full-sync</c>, <c>targeted-sync</c>, <c>register</c>, <c>deregister</c>, <c>adopt</c>, <c>ignored</c> or <c>rejected</c>.</summary>
    public static string ToName(this SyncTrigger trigger) => trigger switch
    {
        SyncTrigger.FullSync => "full-sync",
        SyncTrigger.TargetedSync => "targeted-sync",
        SyncTrigger.Register => "register",
        SyncTrigger.Deregister => "deregister",
        SyncTrigger.Adopt => "adopt",
        SyncTrigger.Ignored => "ignored",
        SyncTrigger.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}
