using LambdaRegistrator.ConsulSimulator;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>Always the simulator (with a second datacenter <c>dc2</c>): for tests that inject faults or count requests.</summary>
public sealed class SimulatorFixture : ConsulFixture
{
    public ConsulSimulatorServer Server => Target.Simulator ?? throw new InvalidOperationException("SimulatorOnly target without a simulator.");

    protected override ConsulTargetOptions Options => new() { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] };
}
