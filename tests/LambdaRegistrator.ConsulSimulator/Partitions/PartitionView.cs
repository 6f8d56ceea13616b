namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>The JSON shape of an admin partition.</summary>
internal sealed record PartitionView(string Name, string Description, ulong CreateIndex, ulong ModifyIndex);
