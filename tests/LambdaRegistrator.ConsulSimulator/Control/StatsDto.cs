namespace LambdaRegistrator.ConsulSimulator.Control;

/// <summary>The reply of <c>GET /_sim/stats</c>.</summary>
internal sealed record StatsDto(long Reads, long Writes, IReadOnlyDictionary<string, long> Endpoints);
