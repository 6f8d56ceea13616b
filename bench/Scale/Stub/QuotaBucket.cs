using System.Diagnostics;

namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>Server-side token bucket: a request that finds it empty is refused (429), like Lambda's per-account quotas.</summary>
internal sealed class QuotaBucket
{
    private readonly Lock _lock = new();
    private readonly double _perSecond;
    private readonly double _burst;
    private double _tokens;
    private long _last = Stopwatch.GetTimestamp();

    public QuotaBucket(double perSecond, double burst)
    {
        _perSecond = perSecond;
        _burst = burst;
        _tokens = burst;
    }

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(_burst, _tokens + (Stopwatch.GetElapsedTime(_last, now).TotalSeconds * _perSecond));
            _last = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens -= 1;
            return true;
        }
    }

    public void Refill()
    {
        lock (_lock)
        {
            _tokens = _burst;
            _last = Stopwatch.GetTimestamp();
        }
    }
}
