namespace LambdaRegistrator.Core.Triggers;

/// <summary>Where this registrator runs; events about functions elsewhere are ignored. Null members are not checked.</summary>
/// <param name="AccountId">The registrator's AWS account id.</param>
/// <param name="Region">The registrator's region.</param>
public sealed record TriggerContext(string? AccountId, string? Region);
