using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The AWS side of a sync: every function (full sync) or one function (targeted sync).</summary>
public sealed record DesiredState
{
    private DesiredState(IReadOnlyList<FunctionInventoryEntry> functions, bool isComplete, LambdaArn? target, IReadOnlyList<string>? unrecognised = null)
    {
        Functions = functions;
        IsComplete = isComplete;
        Target = target;
        Unrecognised = unrecognised ?? [];
    }

    /// <summary>The functions read from AWS.</summary>
    public IReadOnlyList<FunctionInventoryEntry> Functions { get; }

    /// <summary>False when listing stopped early or failed (full sync): nothing is deregistered then.</summary>
    public bool IsComplete { get; }

    /// <summary>The function of a targeted sync; null for a full sync.</summary>
    public LambdaArn? Target { get; }

    /// <summary>
    /// Resources the inventory listed whose ARN is not an unqualified function ARN: each is skipped and reported as a
    /// <see cref="PlanProblemKind.UnrecognisedResource"/> problem, never dropped silently.
    /// </summary>
    public IReadOnlyList<string> Unrecognised { get; }

    /// <summary>
    /// True for a deregistration asked for by hand (the CLI's <c>deregister</c>): every owned service of the target is
    /// removed whatever AWS says, and the reason says so instead of claiming the function is gone.
    /// </summary>
    public bool DeregisterRequested { get; private init; }

    /// <summary>A full sync over <paramref name="functions"/>; pass <paramref name="isComplete"/> false if any page or function failed to load.</summary>
    /// <param name="functions">Every function listed and read.</param>
    /// <param name="isComplete">False when any page or function failed to load.</param>
    /// <param name="unrecognised">Listed resource ARNs that are not unqualified function ARNs (reported, skipped).</param>
    public static DesiredState FullSync(IReadOnlyList<FunctionInventoryEntry> functions, bool isComplete, IReadOnlyList<string>? unrecognised = null)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return new DesiredState(functions, isComplete, null, unrecognised);
    }

    /// <summary>A targeted sync of <paramref name="target"/>; <paramref name="function"/> is null when AWS says the function does not exist.</summary>
    public static DesiredState ForFunction(LambdaArn target, FunctionInventoryEntry? function)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new DesiredState(function is null ? [] : [function], true, target.Unqualified);
    }

    /// <summary>A deregistration of <paramref name="target"/> asked for by hand: nothing of it is wanted, whatever AWS says.</summary>
    public static DesiredState Deregistration(LambdaArn target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new DesiredState([], true, target.Unqualified) { DeregisterRequested = true };
    }
}
