namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>AWS requests of one sync by operation (429 answers included) and how many were throttled.</summary>
internal sealed record AwsCounts(IReadOnlyDictionary<AwsOperation, long> Requests, IReadOnlyDictionary<AwsOperation, long> ThrottledBy)
{
    public static AwsCounts None { get; } = new(new Dictionary<AwsOperation, long>(), new Dictionary<AwsOperation, long>());

    public long Throttled => ThrottledBy.Values.Sum();

    public long Total => Requests.Values.Sum();

    public long this[AwsOperation operation] => Requests.GetValueOrDefault(operation);

    /// <summary>The larger count per operation (request counts reported over repetitions are the maximum).</summary>
    public AwsCounts Max(AwsCounts other)
    {
        var merged = new Dictionary<AwsOperation, long>(Requests);
        foreach (var (operation, count) in other.Requests)
        {
            merged[operation] = Math.Max(merged.GetValueOrDefault(operation), count);
        }

        var throttled = new Dictionary<AwsOperation, long>(ThrottledBy);
        foreach (var (operation, count) in other.ThrottledBy)
        {
            throttled[operation] = throttled.GetValueOrDefault(operation) + count;
        }

        return new AwsCounts(merged, throttled);
    }
}
