using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>A Consul with ACLs on, default policy deny, and <see cref="ManagementToken"/> as bootstrap token.</summary>
public sealed class AclConsulFixture : ConsulFixture
{
    public const string ManagementToken = "5b0e5fd0-8c1a-4f3e-9f6f-1c2d3e4f5a6b";

    protected override ConsulTargetOptions Options => new() { AclBootstrapToken = ManagementToken };
}
