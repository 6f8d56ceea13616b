namespace LambdaRegistrator.Core.Planning;

/// <summary>One Consul write inside an action: <see cref="PutServiceDefaults"/>, <see cref="RegisterService"/>, <see cref="DeleteServiceDefaults"/> or <see cref="DeregisterService"/>.</summary>
public abstract record PlanStep
{
    private protected PlanStep()
    {
    }
}
