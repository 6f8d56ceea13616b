using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>A stored config entry: its normalised fields (without raft indexes) and its indexes.</summary>
internal sealed class ConfigEntryRecord
{
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public required Tenancy Tenancy { get; init; }

    /// <summary>The normalised entry in output order, without CreateIndex/ModifyIndex.</summary>
    public required JsonObject Fields { get; init; }

    public ulong CreateIndex { get; set; }
    public ulong ModifyIndex { get; set; }
}
