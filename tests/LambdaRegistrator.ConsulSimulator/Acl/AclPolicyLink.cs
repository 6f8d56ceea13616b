namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>A token's reference to a policy, by ID or Name.</summary>
internal sealed record AclPolicyLink(string? ID, string? Name);
