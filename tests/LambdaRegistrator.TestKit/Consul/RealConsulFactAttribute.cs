using Xunit;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>A fact that only means something against a real consul: skipped, saying so, when tests use the simulator.</summary>
public sealed class RealConsulFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> to <see cref="ConsulBinary.Describe"/> when no real consul is used.</summary>
    public RealConsulFactAttribute()
    {
        if (!ConsulBinary.UseRealConsul)
        {
            Skip = ConsulBinary.Describe();
        }
    }
}
