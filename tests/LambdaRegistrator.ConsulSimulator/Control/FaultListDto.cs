namespace LambdaRegistrator.ConsulSimulator.Control;

/// <summary>The body of <c>PUT /_sim/faults</c> and the reply of <c>GET /_sim/faults</c>.</summary>
internal sealed record FaultListDto(List<FaultRuleDto>? Rules);
