namespace LambdaRegistrator.ConsulSimulator.Diagnostics;

/// <summary>
/// Counts of requests the simulator received under <c>/v1/</c>: reads (GET/HEAD), writes (PUT/POST/DELETE),
/// per endpoint (<c>"PUT /v1/catalog/register"</c>, <c>"GET /v1/catalog/service/:service"</c>, ...) and a bounded log
/// of the most recent requests. Faulted and dropped requests count too. Thread-safe.
/// </summary>
public sealed class RequestStats
{
    /// <summary>How many requests the log keeps (oldest dropped first).</summary>
    public const int LogCapacity = 10_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _byEndpoint = new(StringComparer.Ordinal);
    private readonly Queue<RecordedRequest> _log = new();
    private long _reads;
    private long _writes;

    /// <summary>GET/HEAD requests.</summary>
    public long Reads
    {
        get
        {
            lock (_lock)
            {
                return _reads;
            }
        }
    }

    /// <summary>PUT/POST/DELETE requests.</summary>
    public long Writes
    {
        get
        {
            lock (_lock)
            {
                return _writes;
            }
        }
    }

    /// <summary>Requests counted for one endpoint, e.g. <c>Count("PUT /v1/catalog/register")</c>.</summary>
    public long Count(string endpoint)
    {
        lock (_lock)
        {
            return _byEndpoint.GetValueOrDefault(endpoint);
        }
    }

    /// <summary>A copy of the per-endpoint counts.</summary>
    public IReadOnlyDictionary<string, long> ByEndpoint()
    {
        lock (_lock)
        {
            return new SortedDictionary<string, long>(_byEndpoint, StringComparer.Ordinal);
        }
    }

    /// <summary>A copy of the request log, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests()
    {
        lock (_lock)
        {
            return [.. _log];
        }
    }

    /// <summary>Zeroes every counter and clears the log.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _byEndpoint.Clear();
            _log.Clear();
            _reads = 0;
            _writes = 0;
        }
    }

    internal void Record(RecordedRequest request)
    {
        lock (_lock)
        {
            if (request.Method is "GET" or "HEAD")
            {
                _reads++;
            }
            else if (request.Method is "PUT" or "POST" or "DELETE")
            {
                _writes++;
            }

            _byEndpoint[request.Endpoint] = _byEndpoint.GetValueOrDefault(request.Endpoint) + 1;
            _log.Enqueue(request);
            if (_log.Count > LogCapacity)
            {
                _log.Dequeue();
            }
        }
    }
}
