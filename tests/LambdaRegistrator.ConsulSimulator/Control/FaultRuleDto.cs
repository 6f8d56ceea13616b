namespace LambdaRegistrator.ConsulSimulator.Control;

/// <summary>The wire form of a fault rule at <c>/_sim/faults</c>; delays are in milliseconds.</summary>
internal sealed record FaultRuleDto(string? PathPrefix, string? Method, int? StatusCode, string? Body, int? DelayMs, bool? DropConnection, int? Count);
