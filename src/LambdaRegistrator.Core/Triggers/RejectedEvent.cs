namespace LambdaRegistrator.Core.Triggers;

/// <summary>Malformed input; the invocation fails with this message and nothing is written to Consul.</summary>
/// <param name="Message">What is wrong with the event and what a valid one looks like.</param>
public sealed record RejectedEvent(string Message) : Trigger;
