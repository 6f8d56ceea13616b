using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Consul.Tests.Simulator;

/// <summary>A simulator with ACLs on, default policy deny, and <see cref="ManagementToken"/> as bootstrap token.</summary>
public sealed class AclSimulatorFixture : SimulatorFixture
{
    public const string ManagementToken = "5b0e5fd0-8c1a-4f3e-9f6f-1c2d3e4f5a6b";

    protected override ConsulSimulatorOptions Options => new() { AclBootstrapToken = ManagementToken };
}
