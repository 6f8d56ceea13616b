using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>A Consul target with ACLs on (default deny) and a random management token.</summary>
public sealed class AclConsulTargetFixture : ConsulTargetFixture
{
    public string ManagementToken { get; } = Guid.NewGuid().ToString();

    protected override ConsulTargetOptions Options => new() { AclBootstrapToken = ManagementToken };
}
