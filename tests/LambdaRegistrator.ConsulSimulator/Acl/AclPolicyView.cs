namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>The JSON shape of <c>structs.ACLPolicy</c>.</summary>
internal sealed record AclPolicyView(string ID, string Name, string Description, string Rules, List<string>? Datacenters, string Hash, ulong CreateIndex, ulong ModifyIndex);
