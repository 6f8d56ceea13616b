namespace LambdaRegistrator.Core.Planning;

/// <summary>What the planner made of one function's tags in this sync.</summary>
internal enum FunctionStatus
{
    /// <summary>The tags could not be read: its services are left as they are.</summary>
    TagsUnknown,

    /// <summary>A registrator tag is invalid: its services are left as they are.</summary>
    Invalid,

    /// <summary>Not opted in: its owned services are removed.</summary>
    NotEnabled,

    /// <summary>Opted in for a datacenter or partition another registrator manages: its owned services here are removed.</summary>
    NotManagedHere,

    /// <summary>Opted in and placed in a managed scope: its services are wanted.</summary>
    Enabled,
}
