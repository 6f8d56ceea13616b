using LambdaRegistrator.Aws;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Metrics;

/// <summary>
/// Counts the AWS and Consul requests of each invocation and logs every retry at debug. The clients are shared by
/// overlapping invocations, so the counters are ambient (<see cref="AsyncLocal{T}"/>): <see cref="MeasureAsync"/>
/// opens a fresh set for one invocation, and every request made in its asynchronous flow (parallel reads included)
/// lands there. Requests made outside any measured flow are not counted.
/// </summary>
internal sealed class RequestMeter : IAwsRequestObserver, IConsulRequestObserver
{
    private static readonly AsyncLocal<Counters?> Current = new();

    /// <summary>Where retries are logged; set once the logger exists (the clients are created before it).</summary>
    public ILogger? Logger { get; set; }

    /// <summary>Runs <paramref name="work"/> with its own counters and returns its result with what they counted.</summary>
    public static async Task<(T Result, RequestCounts Requests)> MeasureAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var counters = new Counters();
        // Why in an async method: the value flows into everything work awaits and is restored when this returns.
        Current.Value = counters;
        var result = await work().ConfigureAwait(false);
        return (result, counters.Snapshot());
    }

    public void RequestSent(string service, string operation, int attempt)
    {
        if (Current.Value is { } counters)
        {
            Interlocked.Increment(ref counters.AwsRequests);
        }
    }

    public void Throttled(string service, string operation, int attempt)
    {
        if (Current.Value is { } counters)
        {
            Interlocked.Increment(ref counters.AwsThrottles);
        }
    }

    public void Retrying(string service, string operation, int attempt, TimeSpan delay, string reason)
    {
        if (Logger is { } logger)
        {
            Log.Retrying(logger, $"AWS {service} {operation}", attempt, delay, reason);
        }
    }

    public void RequestSent(string request, int attempt)
    {
        if (Current.Value is { } counters)
        {
            Interlocked.Increment(ref counters.ConsulRequests);
            if (attempt > 1)
            {
                Interlocked.Increment(ref counters.ConsulRetries);
            }
        }
    }

    public void Retrying(string request, int attempt, TimeSpan delay, string reason)
    {
        if (Logger is { } logger)
        {
            Log.Retrying(logger, $"Consul {request}", attempt, delay, reason);
        }
    }

    private sealed class Counters
    {
#pragma warning disable SA1401, CA1051 // Why fields: Interlocked needs them by reference.
        public long AwsRequests;
        public long AwsThrottles;
        public long ConsulRequests;
        public long ConsulRetries;
#pragma warning restore SA1401, CA1051

        public RequestCounts Snapshot() => new(
            Interlocked.Read(ref AwsRequests), Interlocked.Read(ref AwsThrottles), Interlocked.Read(ref ConsulRequests), Interlocked.Read(ref ConsulRetries));
    }
}
