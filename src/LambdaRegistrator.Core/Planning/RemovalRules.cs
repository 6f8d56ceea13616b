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
        var adopted = new List<(ServiceKey Key, ObservedService Service, LambdaArn Owner)>();
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
                if (!context.Options.AdoptUnownedServices)
                {
                    context.Problem(PlanProblemKind.UnclaimedLegacyService, null, key,
                        $"service {key} carries tag {Ownership.ManagedTag} but no owner meta (the Go registrator wrote it), and no function of this inventory claims it; it is left in place. When this registrator is the only one serving this Consul, set ADOPT_UNOWNED_SERVICES=true or run 'lambda-registrator adopt' to take such services over.");
                }
                else if (LegacyOwner(context, key, out var why) is { } owner)
                {
                    adopted.Add((key, service, owner));
                }
                else
                {
                    context.Problem(PlanProblemKind.UnclaimedLegacyService, null, key,
                        $"service {key} carries tag {Ownership.ManagedTag} but no owner meta, and it is not adopted: {why}; it is left in place.");
                }
            }
        }

        // Why by entry key: in a WAN federation one config entry (in the primary) serves the services of its name in
        // every datacenter. It is deleted only when no wanted service of any datacenter uses it, together with the first
        // removed service that does (or on its own when none is registered any more).
        var wantedEntries = new HashSet<ConfigEntryKey>();
        foreach (var key in context.Wanted.Keys)
        {
            foreach (var kind in ConsulObjects.ServiceEntryKinds)
            {
                wantedEntries.Add(ConsulObjects.ConfigEntryKeyOf(kind, key, context.Options));
            }
        }

        var candidatesByEntryName = new Dictionary<ServiceKey, ServiceKey>();
        foreach (var key in candidates.Keys.Order(Comparer<ServiceKey>.Create(ServiceKey.Compare)))
        {
            candidatesByEntryName.TryAdd(ConsulObjects.ConfigEntryScope(key.Scope, context.Options).Service(key.Name), key);
        }

        foreach (var (entryKey, entry) in context.Observed.Entries)
        {
            if (!ConsulObjects.ServiceEntryKinds.Contains(entryKey.Kind, StringComparer.OrdinalIgnoreCase)
                || wantedEntries.Contains(entryKey) || !Ownership.IsOwnedBy(entry.Entry.Meta, context.RegistratorId))
            {
                continue;
            }

            var entryName = ConsulObjects.ServiceOf(entryKey);
            var key = candidatesByEntryName.TryGetValue(entryName, out var sharing) ? sharing : entryName;
            var (found, entries) = candidates.TryGetValue(key, out var c) ? c : (null, null);
            entries ??= [];
            entries.Add((entryKey, entry));
            candidates[key] = (found, entries);
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

            // Why shared entries first: once the service is gone nothing says its line in a shared entry was this registrator's.
            var steps = SharedEntries.Absent(context, key);

            // Why kept: a function another registrator manages through its DATACENTER still uses its entries there,
            // and they are global; only its catalog registration in this datacenter is this registrator's to remove.
            foreach (var (entryKey, entry) in (entries ?? []).OrderBy(e => KindOrder(e.Key.Kind)))
            {
                if (!ManagedInOtherDatacenter(context, Ownership.FunctionOf(entry.Entry.Meta) ?? ownerArn))
                {
                    steps.Add(new DeleteConfigEntry(entryKey, entry.ModifyIndex));
                }
            }

            if (service is not null)
            {
                steps.Add(new DeregisterService(context.Options.NodeName, service.Service.Id));
            }

            if (steps.Count == 0)
            {
                continue;
            }

            foreach (var shared in steps.OfType<UpdateSharedEntry>())
            {
                reason += $"; listed in {shared.Key}";
            }

            context.Actions.Add(new PlanAction(PlanActionKind.Deregister, key, ownerArn, steps, reason, MeshIdentities.For(PlanActionKind.Deregister, key, context.Options)));
        }

        foreach (var (key, service, owner) in adopted)
        {
            if (Reason(context, owner, key) is not { } reason)
            {
                continue;
            }

            var steps = new List<PlanStep>(2);
            var entryKey = new ConfigEntryKey(ConfigEntries.ServiceDefaults.KindName, ConsulObjects.ConfigEntryScope(key.Scope, context.Options), key.Name);
            if (context.Observed.Entries.TryGetValue(entryKey, out var entry) && Ownership.OwnerOf(entry.Entry.Meta) is null)
            {
                steps.Add(new DeleteConfigEntry(entryKey, entry.ModifyIndex));
            }

            steps.Add(new DeregisterService(context.Options.NodeName, service.Service.Id));
            context.Actions.Add(new PlanAction(
                PlanActionKind.Deregister, key, owner, steps, $"adopted from the Go registrator (ADOPT_UNOWNED_SERVICES): {reason}",
                MeshIdentities.For(PlanActionKind.Deregister, key, context.Options)) { Adopts = true });
        }

        if (!desired.IsComplete)
        {
            context.Problem(PlanProblemKind.InventoryIncomplete, null, null,
                $"the AWS inventory is incomplete, so nothing is deregistered in this sync ({kept.ToString(CultureInfo.InvariantCulture)} owned service(s) not wanted by the listed functions kept); the next complete sync removes what is gone.");
        }
    }

    private static bool ManagedInOtherDatacenter(PlanContext context, LambdaArn function) =>
        context.Functions.TryGetValue(function, out var state) && state.ManagedInOtherDatacenter;

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
        if (desired.DeregisterRequested)
        {
            return $"deregistration of {ownerArn} was asked for by hand, whatever its tags say";
        }

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

    // The function a Go-written service belongs to: the ARN its (unowned) service-defaults entry invokes, else the
    // function of its name in this source. Null, with why, when that function is in another source or cannot be told.
    private static LambdaArn? LegacyOwner(PlanContext context, ServiceKey key, out string why)
    {
        var source = context.Options.Source;
        var entryKey = new ConfigEntryKey(ConfigEntries.ServiceDefaults.KindName, ConsulObjects.ConfigEntryScope(key.Scope, context.Options), key.Name);
        LambdaArn? owner = null;
        if (context.Observed.Entries.TryGetValue(entryKey, out var entry) && Ownership.OwnerOf(entry.Entry.Meta) is null
            && LambdaArn.TryParse(entry.Entry.InvokedArn, out var invoked, out _) && invoked.IsFullArn)
        {
            owner = invoked.Unqualified;
        }
        else if (source.AccountId is { } account && source.Region is { } region && LambdaNames.IsValidFunctionName(key.Name))
        {
            owner = LambdaArn.Create(region, account, key.Name);
        }

        if (owner is null)
        {
            why = "its function cannot be told (no service-defaults entry names its ARN, and this registrator's account is unknown)";
            return null;
        }

        if (source.Mismatch(owner) is { } mismatch)
        {
            why = $"its function {owner} is {mismatch}; the registrator of that account and region adopts it";
            return null;
        }

        why = string.Empty;
        return owner;
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
