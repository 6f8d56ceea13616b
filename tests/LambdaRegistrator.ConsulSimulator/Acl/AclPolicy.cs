namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>A stored ACL policy.</summary>
internal sealed record AclPolicy(string Id, string Name, string Description, string Rules, AclRuleSet Parsed, ulong CreateIndex, ulong ModifyIndex);
