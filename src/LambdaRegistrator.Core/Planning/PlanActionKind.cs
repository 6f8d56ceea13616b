namespace LambdaRegistrator.Core.Planning;

/// <summary>What an action does to one service.</summary>
public enum PlanActionKind
{
    /// <summary>The service is not in the catalog yet: write its config entry (if needed) and register it.</summary>
    Register,

    /// <summary>The service exists but its config entry or registration drifted: rewrite what differs.</summary>
    Update,

    /// <summary>An owned service whose function is gone, disabled, moved or lost the alias: delete its config entry and deregister it.</summary>
    Deregister,
}
