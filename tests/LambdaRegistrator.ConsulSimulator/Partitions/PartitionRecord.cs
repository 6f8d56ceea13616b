namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>An admin partition (Enterprise mode).</summary>
internal sealed record PartitionRecord(string Name, string Description, ulong CreateIndex, ulong ModifyIndex);
