namespace LambdaRegistrator.Aws;

/// <summary>
/// Client-side request rates that keep a full sync inside Lambda's documented, non-raisable quotas.
/// A null limit means unlimited.
/// </summary>
public sealed record AwsRateLimits
{
    /// <summary>GetFunction: 100 requests per second per account and region (quota cannot be increased).</summary>
    public RateLimit? GetFunction { get; init; } = new(100, 100);

    /// <summary>
    /// ListFunctions, ListTags, ListAliases and every other Lambda control-plane call share 15 requests per second
    /// "across all APIs" per account and region (quota cannot be increased).
    /// </summary>
    public RateLimit? LambdaControlPlane { get; init; } = new(15, 15);

    /// <summary>Resource Groups Tagging API calls; AWS documents no fixed rate, so unlimited by default.</summary>
    public RateLimit? Tagging { get; init; }

    /// <summary>SSM Parameter Store calls; the default quota is shared with other users, so unlimited by default.</summary>
    public RateLimit? Ssm { get; init; }

    /// <summary>No client-side limits, for tests and benchmarks against local fakes.</summary>
    public static AwsRateLimits Unlimited { get; } = new() { GetFunction = null, LambdaControlPlane = null };
}
