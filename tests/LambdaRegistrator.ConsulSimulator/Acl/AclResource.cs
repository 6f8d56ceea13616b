namespace LambdaRegistrator.ConsulSimulator.Acl;

/// <summary>The resources the simulator enforces rules on.</summary>
internal enum AclResource
{
    Service,
    Node,
    Agent,
}
