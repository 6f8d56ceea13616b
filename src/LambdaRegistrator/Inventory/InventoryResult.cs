using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Inventory;

/// <summary>The functions a full-sync inventory read, whether the read was complete, and what failed.</summary>
/// <param name="Functions">Every function that could be read (tags null when they could not).</param>
/// <param name="IsComplete">False after any error: then nothing is deregistered.</param>
/// <param name="Errors">One secret-free sentence per failed call.</param>
/// <param name="Unrecognised">Listed ARNs that are not unqualified function ARNs: skipped, and reported by the planner.</param>
internal sealed record InventoryResult(
    IReadOnlyList<FunctionInventoryEntry> Functions, bool IsComplete, IReadOnlyList<string> Errors, IReadOnlyList<string>? Unrecognised = null);
