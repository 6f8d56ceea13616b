using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The AWS side of a sync: every function (full sync) or one function (targeted sync).</summary>
public sealed record DesiredState
{
    private DesiredState(IReadOnlyList<FunctionInventoryEntry> functions, bool isComplete, LambdaArn? target)
    {
        Functions = functions;
        IsComplete = isComplete;
        Target = target;
    }

    /// <summary>The functions read from AWS.</summary>
    public IReadOnlyList<FunctionInventoryEntry> Functions { get; }

    /// <summary>False when listing stopped early or failed (full sync): nothing is deregistered then.</summary>
    public bool IsComplete { get; }

    /// <summary>The function of a targeted sync; null for a full sync.</summary>
    public LambdaArn? Target { get; }

    /// <summary>A full sync over <paramref name="functions"/>; pass <paramref name="isComplete"/> false if any page or function failed to load.</summary>
    public static DesiredState FullSync(IReadOnlyList<FunctionInventoryEntry> functions, bool isComplete)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return new DesiredState(functions, isComplete, null);
    }

    /// <summary>A targeted sync of <paramref name="target"/>; <paramref name="function"/> is null when AWS says the function does not exist.</summary>
    public static DesiredState ForFunction(LambdaArn target, FunctionInventoryEntry? function)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new DesiredState(function is null ? [] : [function], true, target.Unqualified);
    }
}
