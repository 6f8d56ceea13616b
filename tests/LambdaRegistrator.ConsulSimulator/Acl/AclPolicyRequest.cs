namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>The body of <c>PUT /v1/acl/policy</c>.</summary>
internal sealed record AclPolicyRequest(string? ID, string? Name, string? Description, string? Rules);
