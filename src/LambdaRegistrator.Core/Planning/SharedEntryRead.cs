using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The read of one shared entry (<see cref="SharedEntries.KeysToRead"/>): found, missing, or unreadable.</summary>
/// <param name="Key">The entry read (in the scope the shell queried).</param>
/// <param name="Entry">The entry; null when it does not exist or could not be read.</param>
/// <param name="Error">Why it could not be read (for example the ACL rule the token lacks); null when it was read.</param>
public sealed record SharedEntryRead(ConfigEntryKey Key, ObservedConfigEntry? Entry, string? Error);
