using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Tagging;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Inventory;

/// <summary>
/// <c>INVENTORY_STRATEGY=tagging</c>: one Resource Groups Tagging API GetResources walk (100 functions per page) filtered
/// server-side on the <c>enabled</c> tag key. The result is eventually consistent, so the reconciler confirms every
/// function it is about to change with GetFunction.
/// </summary>
internal sealed class TaggingInventory(ITaggingApi tagging, ILogger logger) : IFunctionInventory
{
    // Why: tag filter values are matched case-sensitively, and the contract accepts true/True/TRUE...; filtering on the
    // key alone (any value) and parsing locally also lists enabled=false functions, whose services must be removed.
    private static readonly IReadOnlyList<TagFilter> Filter = [new TagFilter(LambdaTags.Enabled, [])];

    public bool NeedsConfirmation => true;

    public async Task<InventoryResult> ReadAsync(CancellationToken cancellationToken)
    {
        var functions = new List<FunctionInventoryEntry>();
        var errors = new List<string>();
        var unrecognised = new List<string>();
        try
        {
            await foreach (var resource in tagging.GetResourcesAsync([ResourceTypeFilters.LambdaFunction], Filter, cancellationToken).ConfigureAwait(false))
            {
                if (!LambdaArn.TryParse(resource.ResourceArn, out var arn, out _) || !arn.IsFullArn || arn.Qualifier is not null)
                {
                    Log.SkippedResource(logger, resource.ResourceArn);
                    unrecognised.Add(resource.ResourceArn);
                    continue;
                }

                functions.Add(new FunctionInventoryEntry(arn, resource.Tags));
            }
        }
        catch (AwsServiceException exception)
        {
            Log.AwsReadFailed(logger, "GetResources", "lambda:function", exception.Message);
            errors.Add($"Tagging GetResources failed after {functions.Count} function(s): {exception.Message}");
        }

        Log.InventoryRead(logger, "tagging", functions.Count, errors.Count == 0);
        return new InventoryResult(functions, errors.Count == 0, errors, unrecognised);
    }
}
