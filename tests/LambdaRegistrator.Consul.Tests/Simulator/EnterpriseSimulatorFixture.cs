using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Consul.Tests.Simulator;

/// <summary>A simulator in Enterprise mode (namespaces and partitions accepted).</summary>
public sealed class EnterpriseSimulatorFixture : SimulatorFixture
{
    protected override ConsulSimulatorOptions Options => new() { Enterprise = true };
}
