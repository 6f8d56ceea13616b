namespace LambdaRegistrator.Core.Configuration;

/// <summary>
/// SSM parameter tiers: the tier for extension data larger than 4 KiB (<c>CONSUL_EXTENSION_DATA_TIER</c>) and the tier the
/// SSM client writes with.
/// </summary>
public enum ParameterTier
{
    /// <summary><c>Standard</c>: up to 4 KB, no charge (default).</summary>
    Standard,

    /// <summary><c>Advanced</c>: up to 8 KB, charged.</summary>
    Advanced,

    /// <summary><c>Intelligent-Tiering</c>: AWS picks Standard or Advanced from the value size.</summary>
    IntelligentTiering,
}

/// <summary>The one mapping between <see cref="ParameterTier"/> and SSM's tier names, used by the variable and the API.</summary>
public static class ParameterTiers
{
    /// <summary>Every tier with its SSM name, as <c>CONSUL_EXTENSION_DATA_TIER</c> accepts it and PutParameter sends it.</summary>
    public static IReadOnlyList<(string Name, ParameterTier Tier)> All { get; } =
    [
        ("Standard", ParameterTier.Standard),
        ("Advanced", ParameterTier.Advanced),
        ("Intelligent-Tiering", ParameterTier.IntelligentTiering),
    ];

    /// <summary>SSM's name for <paramref name="tier"/>: <c>Standard</c>, <c>Advanced</c> or <c>Intelligent-Tiering</c>.</summary>
    public static string ToName(this ParameterTier tier)
    {
        foreach (var (name, value) in All)
        {
            if (value == tier)
            {
                return name;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(tier), tier, "Use Standard, Advanced or IntelligentTiering.");
    }
}
