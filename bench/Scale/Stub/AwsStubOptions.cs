namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>How the AWS stub behaves: latency per request and whether Lambda's quotas are enforced.</summary>
/// <param name="Latency">Added to every request before it is answered.</param>
/// <param name="EnforceQuotas">When true, GetFunction beyond 100 req/s and ListFunctions/ListAliases/ListTags beyond a shared 15 req/s get 429 TooManyRequestsException.</param>
internal sealed record AwsStubOptions(TimeSpan Latency, bool EnforceQuotas);
