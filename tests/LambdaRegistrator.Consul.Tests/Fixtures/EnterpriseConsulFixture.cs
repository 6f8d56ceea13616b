using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Consul.Tests.Fixtures;

/// <summary>An Enterprise Consul (namespaces and partitions accepted).</summary>
public sealed class EnterpriseConsulFixture : ConsulFixture
{
    protected override ConsulTargetOptions Options => new() { Enterprise = !ConsulBinary.UseRealConsul || ConsulBinary.IsEnterprise };
}
