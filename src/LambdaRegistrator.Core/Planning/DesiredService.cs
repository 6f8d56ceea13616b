using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>One Consul service a function's tags ask for: the function itself or one of its aliases.</summary>
/// <param name="Key">Where and under which name it is registered.</param>
/// <param name="Function">The function it belongs to.</param>
/// <param name="ServiceArn">The ARN Envoy invokes: the function ARN, or the alias-qualified ARN.</param>
/// <param name="Alias">The alias; null for the function's own service.</param>
/// <param name="Registration">The function's parsed tags.</param>
internal sealed record DesiredService(ServiceKey Key, FunctionEvaluation Function, string ServiceArn, string? Alias, FunctionRegistration Registration);
