using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The result of merging an <see cref="UpdateSharedEntry"/> into a shared entry as found.</summary>
/// <param name="Entry">The entry to write; null when there is nothing to write.</param>
/// <param name="Problem">Why it cannot be written (e.g. the entry does not exist and may not be created); null when it can.</param>
public sealed record SharedEntryMerge(ConfigEntry? Entry, string? Problem)
{
    /// <summary>Already as wanted.</summary>
    public static SharedEntryMerge Nothing { get; } = new(null, null);
}
