namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// A fault the proxy injects into the next <paramref name="Count"/> matching requests.
/// A request matches when its path starts with <see cref="PathPrefix"/>, its X-Amz-Target equals
/// <see cref="Target"/> and its body contains <see cref="BodyContains"/> (each only when set).
/// </summary>
/// <param name="Kind">What to do.</param>
/// <param name="Count">How many matching requests fail ("fail next N").</param>
public sealed record AwsFault(AwsFaultKind Kind, int Count = 1)
{
    /// <summary>Only requests whose path starts with this, e.g. <c>/2015-03-31/functions</c>.</summary>
    public string? PathPrefix { get; init; }

    /// <summary>Only requests with this X-Amz-Target, e.g. <c>AmazonSSM.GetParameter</c>.</summary>
    public string? Target { get; init; }

    /// <summary>Only requests whose body contains this, e.g. a form-encoded role ARN of an sts:AssumeRole call.</summary>
    public string? BodyContains { get; init; }

    /// <summary>Sent as Retry-After (whole seconds) with <see cref="AwsFaultKind.LambdaTooManyRequests"/>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>How long <see cref="AwsFaultKind.Delay"/> holds the request.</summary>
    public TimeSpan Delay { get; init; }
}
