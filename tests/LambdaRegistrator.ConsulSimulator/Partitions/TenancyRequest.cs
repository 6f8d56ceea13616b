namespace LambdaRegistrator.ConsulSimulator.Partitions;

/// <summary>The body of <c>PUT /v1/partition</c> and <c>PUT /v1/namespace</c>.</summary>
internal sealed record TenancyRequest(string? Name, string? Description, string? Partition);
