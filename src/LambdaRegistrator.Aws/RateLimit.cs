namespace LambdaRegistrator.Aws;

/// <summary>A client-side token bucket: <paramref name="PermitsPerSecond"/> sustained, up to <paramref name="Burst"/> at once.</summary>
/// <param name="PermitsPerSecond">Requests per second refilled into the bucket.</param>
/// <param name="Burst">Bucket capacity: how many requests may start back to back after an idle period.</param>
public sealed record RateLimit(double PermitsPerSecond, int Burst);
