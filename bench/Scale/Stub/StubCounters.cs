namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>Requests per operation and how many of them were answered 429, since the last reset. Thread-safe.</summary>
internal sealed class StubCounters
{
    private static readonly int OperationCount = Enum.GetValues<AwsOperation>().Length;
    private readonly long[] _requests = new long[OperationCount];
    private readonly long[] _throttled = new long[OperationCount];

    public void Count(AwsOperation operation) => Interlocked.Increment(ref _requests[(int)operation]);

    public void CountThrottled(AwsOperation operation) => Interlocked.Increment(ref _throttled[(int)operation]);

    public void Reset()
    {
        for (var i = 0; i < OperationCount; i++)
        {
            Interlocked.Exchange(ref _requests[i], 0);
            Interlocked.Exchange(ref _throttled[i], 0);
        }
    }

    public AwsCounts Snapshot()
    {
        var requests = new Dictionary<AwsOperation, long>();
        var throttled = new Dictionary<AwsOperation, long>();
        for (var i = 0; i < OperationCount; i++)
        {
            var count = Interlocked.Read(ref _requests[i]);
            if (count > 0)
            {
                requests[(AwsOperation)i] = count;
            }

            var refused = Interlocked.Read(ref _throttled[i]);
            if (refused > 0)
            {
                throttled[(AwsOperation)i] = refused;
            }
        }

        return new AwsCounts(requests, throttled);
    }
}
