using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests;

/// <summary>Builds <see cref="AwsClients"/> aimed at a test endpoint with fake credentials and a virtual clock.</summary>
internal static class TestClients
{
    public static AwsClients Create(
        Uri endpoint,
        TimeProvider? time = null,
        AwsRetryOptions? retry = null,
        AwsRateLimits? rateLimits = null,
        double jitter = 1.0,
        IAwsRequestObserver? observer = null)
    {
        var environment = MotoServer.EnvironmentFor(endpoint);
        return AwsClients.Create(
            name => environment.TryGetValue(name, out var value) ? value : null,
            new AwsClientOptions
            {
                TimeProvider = time ?? new RecordingTimeProvider(),
                Random = new FixedRandom(jitter),
                // Why: moto can take seconds on a busy machine; tests that need a short attempt timeout pass their own.
                Retry = retry ?? new AwsRetryOptions { AttemptTimeout = TimeSpan.FromSeconds(30) },
                RateLimits = rateLimits ?? AwsRateLimits.Unlimited,
                Observer = observer,
            });
    }

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
