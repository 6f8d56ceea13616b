using System.Collections.Concurrent;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Logging;
using LambdaRegistrator.Observation;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Execution;

/// <summary>
/// Carries out <see cref="UpdateSharedEntry"/> steps: read the entry, merge the registrator's items into it (Core), and
/// <c>PUT ?cas=</c> with the ModifyIndex read. A lost race (another writer changed the entry in between) is read and
/// merged again, at most <paramref name="maxCasRetries"/> more times; the other writer's change is never overwritten.
/// Steps on the same entry run one at a time in this process, so the registrator's own actions do not race each other.
/// </summary>
internal sealed class SharedEntryWriter(IConsulClient consul, int maxCasRetries, ILogger logger)
{
    private readonly ConcurrentDictionary<ConfigEntryKey, SemaphoreSlim> _locks = new();

    /// <summary>Applies <paramref name="step"/>; returns null when the entry is as wanted, else a sentence saying what went wrong and what to do.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="writes"/> fired.</exception>
    public async Task<string?> ApplyAsync(UpdateSharedEntry step, CancellationToken writes)
    {
        ArgumentNullException.ThrowIfNull(step);
        var key = step.Key;
        var scope = ConsulMapping.ToWire(key.Scope);
        var gate = _locks.GetOrAdd(key, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(writes).ConfigureAwait(false);
        try
        {
            for (var attempt = 0; attempt <= maxCasRetries; attempt++)
            {
                Consul.ConfigEntries.ConfigEntry? found;
                try
                {
                    found = (await consul.GetConfigEntryAsync(key.Kind, key.Name, scope, writes).ConfigureAwait(false)).Value;
                }
                catch (ConsulPermissionDeniedException exception)
                {
                    return SharedEntries.ReadDeniedMessage(key, exception.Message);
                }

                var merge = step.Merge(found is null ? null : ConsulMapping.ToCore(found));
                if (merge.Problem is not null)
                {
                    return merge.Problem;
                }

                if (merge.Entry is not { } entry)
                {
                    return null;
                }

                bool written;
                try
                {
                    written = await consul.SetConfigEntryAsync(ConsulMapping.ToWire(entry), scope, found?.ModifyIndex ?? 0, writes).ConfigureAwait(false);
                }
                catch (ConsulPermissionDeniedException exception)
                {
                    return SharedEntries.WriteDeniedMessage(key, exception.Message);
                }
                catch (ConsulValidationException exception)
                {
                    return $"Consul rejected the change to {key}: {exception.Message} The entry is left as it is; fix the entry (an Enterprise-only field on Community Edition is a common cause) and the next sync retries.";
                }

                if (written)
                {
                    return null;
                }

                Log.CasLost(logger, key.ToString(), attempt + 1);
            }

            return $"lost the check-and-set race on {key} {maxCasRetries + 1} times: another writer keeps changing it; the next sync retries";
        }
        finally
        {
            gate.Release();
        }
    }
}
