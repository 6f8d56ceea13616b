using Xunit;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>A fact that needs Consul Enterprise: skipped with a stated reason when tests run against a real Community Edition consul.</summary>
public sealed class ConsulEnterpriseFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the real consul on PATH is not Enterprise.</summary>
    public ConsulEnterpriseFactAttribute()
    {
        if (ConsulBinary.UseRealConsul && !ConsulBinary.IsEnterprise)
        {
            Skip = "Enterprise-only: the consul on PATH is Community Edition (set LAMBDA_REGISTRATOR_CONSUL_TESTS=simulator to run it against the simulator)";
        }
    }
}
