using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>A health check stored on a node; the simulator keeps checks but never runs them.</summary>
internal sealed class CheckRecord
{
    public required string NodeName { get; init; }
    public required string CheckId { get; init; }
    public string ServiceId { get; init; } = "";
    public required JsonObject Definition { get; init; }
    public ulong CreateIndex { get; set; }
    public ulong ModifyIndex { get; set; }
}
