namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>The body of <c>PUT /v1/acl/token</c>; AccessorID and SecretID are generated when absent.</summary>
internal sealed record AclTokenRequest(string? AccessorID, string? SecretID, string? Description, List<AclPolicyLink>? Policies, bool? Local);
