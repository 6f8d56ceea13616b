using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>Applies a plan to an observed state the way Consul would (CAS checked, ModifyIndex bumped): for tests, dry runs and the idempotence property.</summary>
internal static class PlanApplication
{
    /// <summary>The observed state after every step of <paramref name="plan"/> succeeded.</summary>
    /// <exception cref="InvalidOperationException">A step's CAS index does not match the state (the plan was made for another state).</exception>
    public static ObservedState Apply(ObservedState observed, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(plan);
        var services = new Dictionary<ServiceKey, ObservedService>();
        foreach (var service in observed.Services)
        {
            services[service.Key] = service;
        }

        var entries = new Dictionary<ConfigEntryKey, ObservedConfigEntry>();
        ulong nextIndex = 1;
        foreach (var entry in observed.ConfigEntries)
        {
            entries[entry.Key] = entry;
            nextIndex = Math.Max(nextIndex, entry.ModifyIndex + 1);
        }

        var shared = new Dictionary<ConfigEntryKey, SharedEntryRead>();
        foreach (var read in observed.SharedEntries)
        {
            shared[read.Key] = read;
        }

        foreach (var action in plan.Actions)
        {
            var scope = action.Service.Scope;
            foreach (var step in action.Steps)
            {
                switch (step)
                {
                    case PutConfigEntry put:
                    {
                        var key = put.Key;
                        var current = entries.TryGetValue(key, out var existing) ? existing.ModifyIndex : 0;
                        if (current != put.CasIndex)
                        {
                            throw new InvalidOperationException($"CAS mismatch writing {key}: plan has {put.CasIndex}, state has {current}.");
                        }

                        entries[key] = new ObservedConfigEntry(put.Scope, put.Entry, nextIndex++);
                        break;
                    }

                    case RegisterService register:
                        services[scope.Service(register.Registration.Service.Id)] = new ObservedService(scope, register.Registration.Service);
                        break;
                    case DeleteConfigEntry delete:
                    {
                        if (entries.TryGetValue(delete.Key, out var existing))
                        {
                            if (existing.ModifyIndex != delete.CasIndex)
                            {
                                throw new InvalidOperationException($"CAS mismatch deleting {delete.Key}: plan has {delete.CasIndex}, state has {existing.ModifyIndex}.");
                            }

                            entries.Remove(delete.Key);
                        }

                        break;
                    }

                    case DeregisterService deregister:
                        services.Remove(scope.Service(deregister.ServiceId));
                        break;
                    case UpdateSharedEntry update:
                    {
                        var found = shared.TryGetValue(update.Key, out var read) ? read.Entry : null;
                        var merge = update.Merge(found?.Entry);
                        if (merge.Entry is { } written)
                        {
                            shared[update.Key] = new SharedEntryRead(update.Key, new ObservedConfigEntry(update.Key.Scope, written, nextIndex++), null);
                        }

                        break;
                    }
                }
            }
        }

        return new ObservedState(observed.Scopes, [.. services.Values], [.. entries.Values]) { SharedEntries = [.. shared.Values] };
    }
}
