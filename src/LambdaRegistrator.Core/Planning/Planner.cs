using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// The pure planner: one source's functions (desired state, from AWS) + the Consul objects (observed state) + options
/// → <see cref="Plan"/>. It only orchestrates the rules that live elsewhere: <see cref="DesiredServices"/> (what the
/// tags ask for), <see cref="Ownership"/> (who may write what), <see cref="ConsulObjects"/> (what is written),
/// <see cref="Drift"/> (what differs), <see cref="RemovalRules"/> (what is deleted) and <see cref="MeshIdentities"/>
/// (which mesh identities to write, refresh or delete). Linear in the number of
/// functions and observed objects.
/// </summary>
public static class Planner
{
    /// <summary>Plans a full or targeted sync.</summary>
    /// <exception cref="ArgumentException">An inventory entry's ARN is not a full function ARN, or a targeted sync got another function.</exception>
    public static Plan CreatePlan(DesiredState desired, ObservedState observed, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        var context = new PlanContext(desired, ObservedIndex.Build(observed, options), options);
        EvaluateFunctions(context, desired);
        foreach (var (key, service) in context.Wanted)
        {
            if (context.Duplicates.ContainsKey(key))
            {
                continue;
            }

            if (!context.Observed.Scopes.Contains(key.Scope))
            {
                context.Problem(PlanProblemKind.ScopeNotObserved, service.Function.Arn, key,
                    $"service {key} of {service.Function.Arn} is in a scope that was not read from Consul; it is planned on the next sync that reads {key.Scope}.");
                continue;
            }

            PlanWanted(context, service);
        }

        ReportDuplicates(context);
        RemovalRules.Plan(context);
        context.Actions.Sort(static (a, b) => ServiceKey.Compare(a.Service, b.Service));
        return new Plan(context.Actions, context.Problems, context.Unchanged, desired.Target)
        {
            MeshIdentities = MeshIdentities.Refreshes(context),
            Note = PlanNotes.NothingToDo(context),
        };
    }

    private static void EvaluateFunctions(PlanContext context, DesiredState desired)
    {
        foreach (var resource in desired.Unrecognised)
        {
            context.Problem(PlanProblemKind.UnrecognisedResource, null, null,
                $"the inventory listed \"{resource}\", which is not an unqualified Lambda function ARN; it is skipped. Check the Tagging API or ListFunctions output for it.");
        }

        foreach (var entry in desired.Functions)
        {
            if (!entry.FunctionArn.IsFullArn)
            {
                throw new ArgumentException($"Inventory entry \"{entry.FunctionArn}\" is not a full function ARN; pass the FunctionArn AWS returned.", nameof(desired));
            }

            var arn = entry.FunctionArn.Unqualified;
            if (desired.Target is not null && !arn.SameFunctionAs(desired.Target))
            {
                throw new ArgumentException($"Targeted sync of {desired.Target} got inventory entry {arn}.", nameof(desired));
            }

            if (context.Functions.ContainsKey(arn))
            {
                continue;
            }

            // Why: ARNs come from AWS but are still untrusted input (a shared or misbehaving inventory, a cross-account
            // Tagging result). A function of another partition, region or account belongs to another source; taking
            // its name under this source's owner id would fight the registrator of that source.
            if (context.Options.Source.Mismatch(arn) is { } mismatch)
            {
                context.Problem(PlanProblemKind.NotInSource, arn, null,
                    $"{arn} is skipped: it is {mismatch}. Its registrator (or another source) manages it.");
                continue;
            }

            var state = DesiredServices.Evaluate(entry, arn, context.Options, (kind, key, message) => context.Problem(kind, arn, key, message));
            context.Functions[arn] = state;
            foreach (var service in state.Services)
            {
                if (context.Wanted.TryAdd(service.Key, service))
                {
                    continue;
                }

                if (!context.Duplicates.TryGetValue(service.Key, out var list))
                {
                    list = [context.Wanted[service.Key]];
                    context.Duplicates[service.Key] = list;
                }

                list.Add(service);
            }
        }
    }

    // Register or update one wanted service: claim its name (Ownership), build what is written (ConsulObjects),
    // compare with what is there (Drift), and write only what differs: config entries first, then the registration.
    private static void PlanWanted(PlanContext context, DesiredService wanted)
    {
        var key = wanted.Key;
        var options = context.Options;
        context.Observed.Services.TryGetValue(key, out var service);
        var notes = new List<string>();
        var adopts = false;

        if (service is not null
            && !Claimed(context, wanted, Ownership.ClaimService(service.Service, $"service {key} on node {options.NodeName}", context.RegistratorId, wanted.Function.Arn, context.Released), notes, ref adopts))
        {
            return;
        }

        if (context.Observed.OtherInstancesByName.TryGetValue(key, out var other)
            && !Claimed(context, wanted, Ownership.ClaimName(other.Service, options.NodeName, key.Name, context.RegistratorId), notes, ref adopts))
        {
            return;
        }

        var entryScope = ConsulObjects.ConfigEntryScope(key.Scope, options);
        var wantedEntries = ConsulObjects.ConfigEntriesOf(wanted, options);
        var found = new ObservedConfigEntry?[wantedEntries.Count];
        for (var i = 0; i < wantedEntries.Count; i++)
        {
            context.Observed.Entries.TryGetValue(wantedEntries[i].KeyIn(entryScope), out found[i]);
            if (found[i] is { } entry
                && !Claimed(context, wanted, Ownership.ClaimConfigEntry(
                    entry.Entry.Meta, entry.Entry.InvokedArn, EntryDescription(entry.Entry.Kind, key, entryScope), context.RegistratorId, wanted.Function.Arn, wanted.ServiceArn, context.Released), notes, ref adopts))
            {
                return;
            }
        }

        var steps = new List<PlanStep>(wantedEntries.Count + 1);
        var entryDrift = new List<string>();
        var existingEntryDrift = new List<string>();
        for (var i = 0; i < wantedEntries.Count; i++)
        {
            var drift = found[i] is { } entry ? Drift.Of(entry.Entry, wantedEntries[i]) : [$"{wantedEntries[i].Kind} missing"];
            if (drift.Count > 0)
            {
                steps.Add(new PutConfigEntry(entryScope, wantedEntries[i], found[i]?.ModifyIndex ?? 0));
                entryDrift.AddRange(drift);
                if (found[i] is not null)
                {
                    existingEntryDrift.AddRange(drift);
                }
            }
        }

        var wantedRegistration = ConsulObjects.Registration(wanted, options);
        var serviceDrift = service is null ? ["not in the catalog"] : Drift.Of(service.Service, wantedRegistration.Service);
        var sharedDrift = new List<string>();
        var sharedSteps = SharedEntries.Present(context, key, sharedDrift);
        if (steps.Count == 0 && serviceDrift.Count == 0 && sharedSteps.Count == 0)
        {
            context.Unchanged++;
            return;
        }

        if (serviceDrift.Count > 0)
        {
            steps.Add(new RegisterService(wantedRegistration));
        }

        // Why last: the shared entries list services that exist; a failure there does not stop the registration.
        steps.AddRange(sharedSteps);

        var function = wanted.Function.Arn;
        var parts = new List<string> { wanted.Alias is null ? $"{function} is enabled" : $"{function} is enabled with alias \"{wanted.Alias}\"" };
        parts.AddRange(notes);
        if (service is null)
        {
            parts.Add("not in the catalog");
            parts.AddRange(existingEntryDrift);
            parts.AddRange(sharedDrift);
        }
        else
        {
            parts.Add("drift: " + string.Join("; ", entryDrift.Concat(serviceDrift.Select(d => "service " + d)).Concat(sharedDrift)));
        }

        var reason = string.Join("; ", parts);
        var kind = service is null ? PlanActionKind.Register : PlanActionKind.Update;
        context.Actions.Add(new PlanAction(kind, key, function, steps, reason, MeshIdentities.For(kind, key, options)) { Adopts = adopts });
    }

    // Why the federation is named: a service-defaults entry lives once, in the primary, for every datacenter; two
    // functions of one name placed in different datacenters would otherwise overwrite each other's entry forever.
    private static string EntryDescription(string kind, ServiceKey key, ConsulScope entryScope) =>
        string.Equals(key.Datacenter, entryScope.Datacenter, StringComparison.OrdinalIgnoreCase)
            ? $"{kind} \"{key.Name}\" ({entryScope})"
            : $"{kind} \"{key.Name}\" ({entryScope}; config entries live in the primary datacenter and are shared by every datacenter of the WAN federation, so a service of this name in {key.Datacenter} uses it too)";

    private static bool Claimed(PlanContext context, DesiredService wanted, OwnershipClaim claim, List<string> notes, ref bool adopts)
    {
        if (!claim.IsGranted)
        {
            context.Problem(PlanProblemKind.NameCollision, wanted.Function.Arn, wanted.Key,
                $"{wanted.Function.Arn} wants service {wanted.Key}, but {claim.Collision}; nothing is written for it. Rename one of them or remove the other object.");
            return false;
        }

        if (claim.Note is { } note)
        {
            notes.Add(note);
        }

        adopts |= claim.Adopts;

        return true;
    }

    private static void ReportDuplicates(PlanContext context)
    {
        foreach (var (key, list) in context.Duplicates)
        {
            var names = string.Join(", ", list.Select(s => s.Alias is null ? s.Function.Arn.ToString() : $"{s.Function.Arn} alias {s.Alias}"));
            foreach (var service in list)
            {
                context.Problem(PlanProblemKind.DuplicateServiceName, service.Function.Arn, key,
                    $"service name {key} is wanted by {names}; neither is written until one of them changes.");
            }
        }
    }
}
