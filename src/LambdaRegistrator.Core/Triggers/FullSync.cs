namespace LambdaRegistrator.Core.Triggers;

/// <summary>Reconcile every function (a Scheduled Event or any <c>aws.events</c> event).</summary>
/// <param name="Reason">Why, for the log, e.g. <c>Scheduled Event from rule arn:...</c>.</param>
public sealed record FullSync(string Reason) : Trigger;
