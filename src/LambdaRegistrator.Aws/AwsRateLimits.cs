namespace LambdaRegistrator.Aws;

/// <summary>
/// Client-side request rates that keep a full sync inside Lambda's documented, non-raisable quotas.
/// A null limit means unlimited.
/// </summary>
public sealed record AwsRateLimits
{
    /// <summary>GetFunction: the quota is 100 requests per second per account and region (cannot be increased).</summary>
    /// <remarks>Why 90/s with a burst of 10: pacing exactly at the quota let timing jitter push some seconds over it
    /// (the account-scale benchmark saw 429s at 10,000 functions); 10% headroom removes them for ~10% more time.</remarks>
    public RateLimit? GetFunction { get; init; } = new(90, 10);

    /// <summary>
    /// ListFunctions, ListTags, ListAliases and every other Lambda control-plane call share 15 requests per second
    /// "across all APIs" per account and region (quota cannot be increased). Paced at 13/s with a burst of 5 for the
    /// same reason as <see cref="GetFunction"/>, and to leave room for other callers in the account.
    /// </summary>
    public RateLimit? LambdaControlPlane { get; init; } = new(13, 5);

    /// <summary>Resource Groups Tagging API calls; AWS documents no fixed rate, so unlimited by default.</summary>
    public RateLimit? Tagging { get; init; }

    /// <summary>SSM Parameter Store calls; the default quota is shared with other users, so unlimited by default.</summary>
    public RateLimit? Ssm { get; init; }

    /// <summary>No client-side limits, for tests and benchmarks against local fakes.</summary>
    public static AwsRateLimits Unlimited { get; } = new() { GetFunction = null, LambdaControlPlane = null };
}
