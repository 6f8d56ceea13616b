using Amazon.Runtime;

namespace LambdaRegistrator.Aws;

/// <summary>Knobs for <see cref="AwsClients.Create"/>; the defaults suit production.</summary>
public sealed record AwsClientOptions
{
    /// <summary>Retry policy for throttling, 5xx, connection resets and per-attempt timeouts.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    /// <summary>Client-side rate limits per quota bucket.</summary>
    public AwsRateLimits RateLimits { get; init; } = new();

    /// <summary>Clock for backoff waits, <c>Retry-After</c> dates and rate-limit refills; tests inject a fake.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Source of backoff jitter; tests inject a seeded or fixed one.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>
    /// Credentials to sign with. When null they are resolved once, lazily, from the environment function passed
    /// to <see cref="AwsClients.Create"/> (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN) and
    /// otherwise from the AWS SDK default chain (profile, web identity, container, instance profile).
    /// </summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>Told about every request, throttle and retry (per-invocation metrics, retry logs); null for none.</summary>
    public IAwsRequestObserver? Observer { get; init; }

    /// <summary>Product token sent as User-Agent.</summary>
    public string UserAgent { get; init; } = "LambdaRegistrator";
}
