using System.Net;
using System.Runtime.CompilerServices;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Tagging;

namespace LambdaRegistrator.Tests.Fakes;

/// <summary>A Resource Groups Tagging API whose listing is set by the test (so it can be stale), recording calls.</summary>
internal sealed class FakeTaggingApi : ITaggingApi
{
    public List<ResourceTagMapping> Resources { get; } = [];

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, the walk fails after yielding this many resources (an error mid-pagination).</summary>
    public int? FailAfter { get; set; }

    public System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<TagFilter>> Filters { get; } = new();

    /// <summary>Lists exactly what the Lambda fake holds now (a consistent Tagging API).</summary>
    public void MirrorFrom(FakeLambdaApi lambda)
    {
        Resources.Clear();
        foreach (var function in lambda.Functions.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (function.Tags.ContainsKey(Core.Tags.LambdaTags.Enabled))
            {
                Resources.Add(new ResourceTagMapping(FakeLambdaApi.ArnOf(function.Name), new Dictionary<string, string>(function.Tags, StringComparer.Ordinal)));
            }
        }
    }

    public async IAsyncEnumerable<ResourceTagMapping> GetResourcesAsync(
        IReadOnlyList<string> resourceTypeFilters, IReadOnlyList<TagFilter> tagFilters, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        Filters.Enqueue(tagFilters);
        await Task.Yield();
        var yielded = 0;
        foreach (var resource in Resources.ToList())
        {
            if (FailAfter is { } limit && yielded >= limit)
            {
                throw new AwsServiceException("ResourceGroupsTaggingAPI", "GetResources", "ThrottledException", HttpStatusCode.BadRequest, "Rate exceeded (simulated).", 5);
            }

            yielded++;
            yield return resource;
        }
    }
}
