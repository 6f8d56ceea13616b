namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>A namespace inside a partition (Enterprise mode).</summary>
internal sealed record NamespaceRecord(string Name, string Partition, string Description, ulong CreateIndex, ulong ModifyIndex);
