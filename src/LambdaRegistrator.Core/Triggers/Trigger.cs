namespace LambdaRegistrator.Core.Triggers;

/// <summary>What an incoming event asks for: <see cref="FullSync"/>, <see cref="TargetedSync"/>, <see cref="IgnoredEvent"/> or <see cref="RejectedEvent"/>.</summary>
public abstract record Trigger
{
    private protected Trigger()
    {
    }
}
