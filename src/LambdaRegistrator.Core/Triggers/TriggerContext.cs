using LambdaRegistrator.Core.Sources;

namespace LambdaRegistrator.Core.Triggers;

/// <summary>Where this registrator runs and what it inventories; events about functions elsewhere are ignored. Null members are not checked.</summary>
/// <param name="AccountId">The registrator's AWS account id (completes a function named without one when the event has no <c>account</c>).</param>
/// <param name="Region">The registrator's region (likewise).</param>
public sealed record TriggerContext(string? AccountId, string? Region)
{
    /// <summary>
    /// The sources: an event's function must be in one of them, which the <see cref="TargetedSync"/> then names. Empty
    /// checks the function against <see cref="AccountId"/> and <see cref="Region"/> instead.
    /// </summary>
    public IReadOnlyList<Source> Sources { get; init; } = [];
}
