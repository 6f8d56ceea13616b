namespace LambdaRegistrator.Core.Triggers;

/// <summary>A well-formed event that needs no work (failed call, non-function resource, unhandled API); acknowledge it and log the reason.</summary>
/// <param name="Reason">A sentence saying why nothing is done.</param>
public sealed record IgnoredEvent(string Reason) : Trigger;
