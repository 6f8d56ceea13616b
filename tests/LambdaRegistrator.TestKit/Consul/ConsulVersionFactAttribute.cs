using Xunit;

namespace LambdaRegistrator.TestKit.Consul;

/// <summary>
/// A fact about behaviour that a Consul release introduced: skipped, saying so, when tests run against a real consul
/// older than <see cref="Minimum"/> (the simulator models the newest behaviour, so it always runs there).
/// </summary>
public sealed class ConsulVersionFactAttribute : FactAttribute
{
    /// <summary>Skips against a real consul older than <paramref name="minimum"/> (e.g. <c>"1.18.0"</c>).</summary>
    public ConsulVersionFactAttribute(string minimum)
    {
        Minimum = minimum;
        if (ConsulBinary.UseRealConsul && ConsulBinary.Version is { } version && version < System.Version.Parse(minimum))
        {
            Skip = $"needs Consul {minimum} or newer; the consul on PATH is {version}";
        }
    }

    /// <summary>The first Consul version with the behaviour.</summary>
    public string Minimum { get; }
}
