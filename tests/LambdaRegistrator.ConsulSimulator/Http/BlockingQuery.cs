using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// Consul's blocking-query loop (<c>agent/blockingquery/blockingquery.go</c>): with <c>index=N</c> (N &gt; 0) the query
/// is re-run on every write until its index exceeds N or <c>wait</c> (plus up to wait/16 jitter) elapses on the
/// injected clock; the last result is returned either way. With a content key, a re-run whose content equals the
/// first run's keeps waiting even when the index moved, like the RPCs that answer <c>errNotChanged</c> from a
/// content hash (<c>ConfigEntry.List</c>).
/// </summary>
internal static class BlockingQuery
{
    public static async Task<(T Result, ulong Index)> RunAsync<T>(
        Lock sync, Func<ChangeNotifier> changes, QueryOptions options, Func<(T Result, ulong Index)> query, TimeProvider time,
        CancellationToken cancellationToken, Func<T, string>? contentKey = null)
    {
        var deadline = time.GetUtcNow() + options.Wait
                       + TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * options.Wait.Ticks / 16));
        string? firstContent = null;
        var ranOnce = false;
        while (true)
        {
            Task changed;
            (T Result, ulong Index) result;
            lock (sync)
            {
                changed = changes().NextChange;
                result = query();
            }

            if (options.Index is not { } minIndex || minIndex == 0)
            {
                return result;
            }

            var unchanged = false;
            if (contentKey is not null)
            {
                var content = contentKey(result.Result);
                unchanged = ranOnce && string.Equals(content, firstContent, StringComparison.Ordinal);
                if (!ranOnce)
                {
                    firstContent = content;
                    ranOnce = true;
                }
            }

            if (!unchanged && result.Index > minIndex)
            {
                return result;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return result;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(remaining, time, timeout.Token);
            await Task.WhenAny(changed, delay);
            await timeout.CancelAsync();
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
