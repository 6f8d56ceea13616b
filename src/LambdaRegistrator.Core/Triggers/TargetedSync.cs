using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Triggers;

/// <summary>Reconcile one function after a CloudTrail-recorded Lambda API call.</summary>
/// <param name="Function">The function, unqualified; a full ARN when the event says where it is, otherwise a name or partial ARN.</param>
/// <param name="EventName">The CloudTrail eventName as received, e.g. <c>TagResource20170331v2</c>.</param>
/// <param name="ApiCall">The eventName without its version suffix, e.g. <c>TagResource</c>.</param>
/// <param name="Alias">The alias the call was about (CreateAlias/UpdateAlias/DeleteAlias), or a qualifier given with the function; otherwise null.</param>
public sealed record TargetedSync(LambdaArn Function, string EventName, string ApiCall, string? Alias) : Trigger
{
    /// <summary>The source the function belongs to, when the context listed sources; null otherwise.</summary>
    public Sources.Source? Source { get; init; }
}
