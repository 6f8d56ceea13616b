namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>The JSON shape of <c>structs.ACLToken</c>.</summary>
internal sealed record AclTokenView(
    string AccessorID,
    string SecretID,
    string Description,
    List<AclPolicyLink> Policies,
    bool Local,
    string CreateTime,
    string Hash,
    ulong CreateIndex,
    ulong ModifyIndex);
