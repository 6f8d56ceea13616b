using System.Collections.Concurrent;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Inventory;

/// <summary>
/// <c>INVENTORY_STRATEGY=list-functions</c>: ListFunctions (PAGE_SIZE per page), then GetFunction for every function,
/// MAX_CONCURRENCY at a time under the client's rate limits. Consistent, but one GetFunction per function per sync.
/// </summary>
internal sealed class ListFunctionsInventory(ILambdaApi lambda, FunctionReader reader, int pageSize, int maxConcurrency, ILogger logger) : IFunctionInventory
{
    public bool NeedsConfirmation => false;

    public async Task<InventoryResult> ReadAsync(CancellationToken cancellationToken)
    {
        var listed = new List<LambdaArn>();
        var errors = new ConcurrentQueue<string>();
        var unrecognised = new List<string>();
        try
        {
            await foreach (var function in lambda.ListFunctionsAsync(pageSize, cancellationToken).ConfigureAwait(false))
            {
                if (LambdaArn.TryParse(function.FunctionArn, out var arn, out _) && arn.IsFullArn)
                {
                    listed.Add(arn.Unqualified);
                }
                else
                {
                    Log.SkippedResource(logger, function.FunctionArn);
                    unrecognised.Add(function.FunctionArn);
                }
            }
        }
        catch (AwsServiceException exception)
        {
            Log.AwsReadFailed(logger, "ListFunctions", "functions", exception.Message);
            errors.Enqueue($"Lambda ListFunctions failed after {listed.Count} function(s): {exception.Message}");
        }

        var entries = new FunctionInventoryEntry?[listed.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, listed.Count),
            new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                // Why: aliases are not listed here; the reconciler lists them only for functions whose services change.
                var read = await reader.ReadAsync(listed[index], includeAliases: false, token).ConfigureAwait(false);
                if (read.Error is not null)
                {
                    errors.Enqueue(read.Error);
                }

                entries[index] = read.Entry;
            }).ConfigureAwait(false);

        var functions = entries.OfType<FunctionInventoryEntry>().ToList();
        Log.InventoryRead(logger, "list-functions", functions.Count, errors.IsEmpty);
        return new InventoryResult(functions, errors.IsEmpty, [.. errors], unrecognised);
    }
}
