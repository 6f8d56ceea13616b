namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>A stored ACL token; <see cref="ToString"/> hides the secret.</summary>
internal sealed record AclToken(string AccessorId, string SecretId, string Description, IReadOnlyList<string> PolicyIds, bool Management, ulong CreateIndex, ulong ModifyIndex)
{
    public override string ToString() => $"AclToken {{ AccessorId = {AccessorId}, Description = {Description} }}";
}
