using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary><c>DELETE /v1/config/Kind/Name?cas=CasIndex</c>; a <c>false</c> reply means it changed since observed: re-plan.</summary>
/// <param name="Key">Kind, scope and name of the entry.</param>
/// <param name="CasIndex">The observed ModifyIndex.</param>
public sealed record DeleteConfigEntry(ConfigEntryKey Key, ulong CasIndex) : PlanStep;
