namespace LambdaRegistrator.Aws.Ssm;

/// <summary>SSM parameter tiers: Standard holds up to 4 KB, Advanced up to 8 KB.</summary>
public enum ParameterTier
{
    /// <summary>Up to 4 KB, no charge.</summary>
    Standard,

    /// <summary>Up to 8 KB, charged.</summary>
    Advanced,

    /// <summary>AWS picks Standard or Advanced from the value size.</summary>
    IntelligentTiering,
}
