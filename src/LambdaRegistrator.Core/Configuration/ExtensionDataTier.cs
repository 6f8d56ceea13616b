namespace LambdaRegistrator.Core.Configuration;

/// <summary>SSM parameter tier for extension data larger than 4 KiB (<c>CONSUL_EXTENSION_DATA_TIER</c>).</summary>
public enum ExtensionDataTier
{
    /// <summary><c>Standard</c> (default).</summary>
    Standard,

    /// <summary><c>Advanced</c>.</summary>
    Advanced,

    /// <summary><c>Intelligent-Tiering</c>.</summary>
    IntelligentTiering,
}
