namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>A rule's policy for a resource; <c>write</c> implies <c>read</c>.</summary>
internal enum AccessLevel
{
    Deny,
    Read,
    Write,
}
