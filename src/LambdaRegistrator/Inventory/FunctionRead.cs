using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Inventory;

/// <summary>One function read from Lambda: present (with tags, maybe unknown), gone, or failed.</summary>
/// <param name="Requested">The identifier that was read.</param>
/// <param name="Entry">The function as AWS reports it; null when it does not exist or the read failed.</param>
/// <param name="Error">Why the read failed (secret-free); null on success.</param>
internal sealed record FunctionRead(LambdaArn Requested, FunctionInventoryEntry? Entry, string? Error)
{
    /// <summary>True when AWS says the function does not exist.</summary>
    public bool IsGone => Entry is null && Error is null;
}
