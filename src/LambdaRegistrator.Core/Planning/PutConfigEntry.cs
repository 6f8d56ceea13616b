using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary><c>PUT /v1/config?cas=CasIndex</c> of a config entry of any kind; a <c>false</c> reply means another writer won: re-plan.</summary>
/// <param name="Scope">Where the entry lives (its own scope, not necessarily the catalog service's).</param>
/// <param name="Entry">The complete entry to write.</param>
/// <param name="CasIndex">0 to create only, otherwise the observed ModifyIndex.</param>
public sealed record PutConfigEntry(ConsulScope Scope, ConfigEntry Entry, ulong CasIndex) : PlanStep
{
    /// <summary>The entry's key.</summary>
    public ConfigEntryKey Key => Entry.KeyIn(Scope);
}
