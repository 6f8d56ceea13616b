using System.Globalization;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// When the registrator deletes. An object is removed only when this source owns it (<see cref="Ownership"/>), no
/// function of this sync wants its name, and its owning function is provably done with it: the function is gone
/// from AWS, no longer enabled, placed elsewhere, or lost the alias. Nothing is removed when the inventory is
/// incomplete, when the owner's tags are invalid or unreadable, or when the owner meta cannot be read; a targeted
/// sync removes only its own function's objects; a Go-written service nobody claims is reported, never deleted.
/// </summary>
internal static class RemovalRules
{
    /// <summary>Adds a Deregister action per removable service (config entry delete first, then the catalog deregistration) and reports what is kept and why.</summary>
    public static void Plan(PlanContext context)
    {
        var desired = context.Desired;
        var candidates = new Dictionary<ServiceKey, (ObservedService? Service, List<(ConfigEntryKey Key, ObservedConfigEntry Entry)>? Entries)>();
        HashSet<string>? leftAsIs = null;
        foreach (var (key, service) in context.Observed.Services)
        {
            if (context.Wanted.ContainsKey(key))
            {
                continue;
            }

            if (Ownership.IsOwnedBy(service.Service.Meta, context.RegistratorId))
            {
                candidates[key] = (service, null);
            }
            else if (desired.Target is null && desired.IsComplete && Ownership.IsLegacy(service.Service)
                && !BelongsToFunctionLeftAsIs(context, key.Name, ref leftAsIs))
            {
                context.Problem(PlanProblemKind.UnclaimedLegacyService, null, key,
                    $"service {key} carries tag {Ownership.ManagedTag} but no owner meta, and no function of this inventory claims it; it is left in place (deregister it by hand if its function is gone).");
            }
        }

        foreach (var (entryKey, entry) in context.Observed.Entries)
        {
            if (!ConsulObjects.ServiceEntryKinds.Contains(entryKey.Kind, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = ConsulObjects.ServiceOf(entryKey);
            if (!context.Wanted.ContainsKey(key) && Ownership.IsOwnedBy(entry.Entry.Meta, context.RegistratorId))
            {
                var (found, entries) = candidates.TryGetValue(key, out var c) ? c : (null, null);
                entries ??= [];
                entries.Add((entryKey, entry));
                candidates[key] = (found, entries);
            }
        }

        var kept = 0;
        foreach (var (key, (service, entries)) in candidates)
        {
            var meta = service?.Service.Meta ?? entries![0].Entry.Entry.Meta;
            var ownerArn = Ownership.FunctionOf(meta);
            var ownerText = Ownership.FunctionText(meta);
            if (ownerText is null && entries is not null)
            {
                ownerArn = Ownership.FunctionOf(entries[0].Entry.Entry.Meta);
                ownerText = Ownership.FunctionText(entries[0].Entry.Entry.Meta);
            }

            if (ownerArn is null || !ownerArn.IsFullArn)
            {
                if (desired.Target is null)
                {
                    context.Problem(PlanProblemKind.UnreadableOwnerMeta, null, key,
                        $"{key} is owned by this registrator but its {Ownership.FunctionArnKey} meta (\"{ownerText}\") is not a function ARN; it is left as it is.");
                }

                continue;
            }

            if (desired.Target is not null && !ownerArn.SameFunctionAs(desired.Target))
            {
                continue;
            }

            if (!desired.IsComplete)
            {
                kept++;
                continue;
            }

            if (Reason(context, ownerArn, key) is not { } reason)
            {
                continue;
            }

            // Why first: once the service is gone nothing says its line in a shared entry was this registrator's.
            var steps = SharedEntries.Absent(context, key);
            foreach (var (entryKey, entry) in (entries ?? []).OrderBy(e => KindOrder(e.Key.Kind)))
            {
                steps.Add(new DeleteConfigEntry(entryKey, entry.ModifyIndex));
            }

            if (service is not null)
            {
                steps.Add(new DeregisterService(context.Options.NodeName, service.Service.Id));
            }

            foreach (var shared in steps.OfType<UpdateSharedEntry>())
            {
                reason += $"; listed in {shared.Key}";
            }

            context.Actions.Add(new PlanAction(PlanActionKind.Deregister, key, ownerArn, steps, reason, MeshIdentities.For(PlanActionKind.Deregister, key, context.Options)));
        }

        if (!desired.IsComplete)
        {
            context.Problem(PlanProblemKind.InventoryIncomplete, null, null,
                $"the AWS inventory is incomplete, so nothing is deregistered in this sync ({kept.ToString(CultureInfo.InvariantCulture)} owned service(s) not wanted by the listed functions kept); the next complete sync removes what is gone.");
        }
    }

    private static int KindOrder(string kind)
    {
        for (var i = 0; i < ConsulObjects.ServiceEntryKinds.Count; i++)
        {
            if (string.Equals(ConsulObjects.ServiceEntryKinds[i], kind, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    // Why the owner is done with the object; null when it is not (its tags are invalid or unknown, or a targeted sync
    // of another function cannot tell).
    private static string? Reason(PlanContext context, LambdaArn ownerArn, ServiceKey key)
    {
        var desired = context.Desired;
        if (context.Functions.TryGetValue(ownerArn, out var state))
        {
            return state.Status switch
            {
                FunctionStatus.TagsUnknown or FunctionStatus.Invalid => null,
                FunctionStatus.NotEnabled => $"{ownerArn} is no longer enabled (tag {LambdaTags.Enabled} removed or false)",
                FunctionStatus.NotManagedHere => $"{ownerArn} is now {state.NotManagedReason}",
                _ => RemovedServiceReason(state, key),
            };
        }

        if (desired.Target is not null && desired.Functions.Count > 0)
        {
            return null;
        }

        return $"{ownerArn} no longer exists in AWS";
    }

    private static string RemovedServiceReason(FunctionEvaluation state, ServiceKey key)
    {
        if (DesiredServices.AliasPart(key.Name, state.Arn.FunctionName) is { } alias)
        {
            if (state.MissingAliases?.Contains(alias) == true)
            {
                return $"alias \"{alias}\" of {state.Arn} no longer exists in AWS";
            }

            if (state.Services.All(s => !string.Equals(s.Alias, alias, StringComparison.Ordinal)))
            {
                return $"alias \"{alias}\" is no longer in the {LambdaTags.Aliases} tag of {state.Arn}";
            }
        }

        return $"{state.Arn} is now registered in {state.Services[0].Key.Scope}, not {key.Scope}";
    }

    // True when the name is, or starts with "<name>-" of, a function whose tags are invalid or unreadable (left as it is).
    private static bool BelongsToFunctionLeftAsIs(PlanContext context, string serviceName, ref HashSet<string>? leftAsIs)
    {
        leftAsIs ??= new HashSet<string>(
            context.Functions.Values.Where(f => f.Status is FunctionStatus.Invalid or FunctionStatus.TagsUnknown).Select(f => f.Arn.FunctionName),
            StringComparer.OrdinalIgnoreCase);
        var names = leftAsIs;
        return DesiredServices.FunctionNamesOf(serviceName).Any(names.Contains);
    }
}
