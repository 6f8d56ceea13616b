using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>A config entry of any kind found in one scope, with the ModifyIndex to use for check-and-set.</summary>
/// <param name="Scope">Where it was found (use the names the shell queried with).</param>
/// <param name="Entry">Its content.</param>
/// <param name="ModifyIndex">Consul's ModifyIndex, the CAS index for updates and deletes.</param>
public sealed record ObservedConfigEntry(ConsulScope Scope, ConfigEntry Entry, ulong ModifyIndex)
{
    /// <summary>The key (kind + scope + entry name).</summary>
    public ConfigEntryKey Key => Entry.KeyIn(Scope);
}
