using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>One function as the planner sees it: its status and the services its tags ask for.</summary>
internal sealed class FunctionEvaluation(LambdaArn arn, FunctionStatus status)
{
    /// <summary>The function, unqualified.</summary>
    public LambdaArn Arn { get; } = arn;

    /// <summary>What its tags mean here.</summary>
    public FunctionStatus Status { get; } = status;

    /// <summary>For <see cref="FunctionStatus.NotManagedHere"/>: why (a sentence fragment naming the datacenter or partition).</summary>
    public string? NotManagedReason { get; init; }

    /// <summary>For <see cref="FunctionStatus.NotManagedHere"/>: true when another registrator's DATACENTER manages it (its config entries, global in a federation, are that registrator's to keep).</summary>
    public bool ManagedInOtherDatacenter { get; init; }

    /// <summary>For <see cref="FunctionStatus.NotEnabled"/>: true when the function has no enabled tag at all.</summary>
    public bool HasNoEnabledTag { get; init; }

    /// <summary>The services it wants (the function first, then one per existing alias in tag order).</summary>
    public List<DesiredService> Services { get; } = [];

    /// <summary>Aliases named in its tag that do not exist on the function; null when none are missing.</summary>
    public HashSet<string>? MissingAliases { get; set; }
}
