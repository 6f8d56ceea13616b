namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>The JSON shape of a namespace.</summary>
internal sealed record NamespaceView(string Name, string Description, string Partition, ulong CreateIndex, ulong ModifyIndex);
