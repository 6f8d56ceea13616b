using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// Consul's blocking-query loop (§8): with <c>index=N</c> (N &gt; 0) the query is re-run on every write until its
/// index exceeds N or <c>wait</c> (plus up to wait/16 jitter) elapses; the last result is returned either way.
/// </summary>
internal static class BlockingQuery
{
    public static async Task<(T Result, ulong Index)> RunAsync<T>(
        Lock sync, Func<ChangeNotifier> changes, QueryOptions options, Func<(T Result, ulong Index)> query, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + options.Wait
                       + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * options.Wait.Ticks / 16));
        while (true)
        {
            Task changed;
            (T Result, ulong Index) result;
            lock (sync)
            {
                changed = changes().NextChange;
                result = query();
            }

            if (options.Index is not { } minIndex || minIndex == 0 || result.Index > minIndex)
            {
                return result;
            }

            var remaining = deadline - DateTimeOffset.UtcNow;
            if (remaining <= TimeSpan.Zero)
            {
                return result;
            }

            await Task.WhenAny(changed, Task.Delay(remaining, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
            if (!changed.IsCompleted)
            {
                lock (sync)
                {
                    return query();
                }
            }
        }
    }
}
