namespace LambdaRegistrator.Aws.Http;

/// <summary>
/// A token bucket driven by a <see cref="TimeProvider"/>: each caller reserves a token and waits until it exists.
/// </summary>
/// <remarks>Why not <c>System.Threading.RateLimiting.TokenBucketRateLimiter</c>: it refills on a wall-clock timer,
/// so an injected clock cannot drive it and tests could only assert wall time. Reservations may take the balance
/// negative, which queues callers in arrival order.</remarks>
internal sealed class TokenBucket
{
    private readonly TimeProvider _time;
    private readonly double _rate;
    private readonly double _capacity;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last;

    public TokenBucket(RateLimit limit, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.PermitsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit.Burst);
        _time = time;
        _rate = limit.PermitsPerSecond;
        _capacity = limit.Burst;
        _tokens = _capacity;
        _last = time.GetTimestamp();
    }

    /// <summary>Takes one token, waiting (on the injected clock) until it is available.</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        var wait = Reserve();
        if (wait <= TimeSpan.Zero)
        {
            return;
        }

        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Refund();
            throw;
        }
    }

    /// <summary>Reserves a token now and returns how long the caller must wait before using it.</summary>
    public TimeSpan Reserve()
    {
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            _tokens = Math.Min(_capacity, _tokens + (_time.GetElapsedTime(_last, now).TotalSeconds * _rate));
            _last = now;
            _tokens -= 1;
            // Why: timers work in whole milliseconds; rounding down would let callers run slightly over the rate.
            return _tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(-_tokens / _rate * 1000));
        }
    }

    private void Refund()
    {
        lock (_lock)
        {
            _tokens = Math.Min(_capacity, _tokens + 1);
        }
    }
}
