namespace LambdaRegistrator.Aws.Tagging;

/// <summary>The Resource Groups Tagging API: tagged resources with their tags, 100 per call.</summary>
/// <remarks>Eventually consistent: it can lag tag writes and list deleted functions. Confirm with GetFunction before acting.</remarks>
public interface ITaggingApi
{
    /// <summary>Lists tagged resources of the given types that match every filter, following <c>PaginationToken</c>.</summary>
    /// <param name="resourceTypeFilters">e.g. <see cref="ResourceTypeFilters.LambdaFunction"/>; up to 100.</param>
    /// <param name="tagFilters">ANDed filters; up to 50. Empty lists every resource that is or ever was tagged.</param>
    /// <param name="cancellationToken">Stops paging and any retry wait.</param>
    IAsyncEnumerable<ResourceTagMapping> GetResourcesAsync(
        IReadOnlyList<string> resourceTypeFilters, IReadOnlyList<TagFilter> tagFilters, CancellationToken cancellationToken = default);
}
