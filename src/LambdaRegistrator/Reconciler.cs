using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Confirmation;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Execution;
using LambdaRegistrator.Inventory;
using LambdaRegistrator.Logging;
using LambdaRegistrator.MeshIdentity;
using LambdaRegistrator.Observation;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator;

/// <summary>
/// One sync, start to finish: read the AWS inventory and the Consul state, plan, confirm the functions the plan would
/// change (GetFunction, qualified by alias for the aliases its tags name), plan again, execute, keep mesh identities.
/// Holds no per-sync state except the agent's datacenter once learned (set atomically); safe for overlapping invocations.
/// </summary>
internal sealed class Reconciler(
    RegistratorOptions options,
    IFunctionInventory inventory,
    FunctionReader reader,
    ObservedStateReader observer,
    Federation federation,
    PlanExecutor executor,
    ExtensionDataWriter? extensionData,
    ILogger logger,
    Func<DesiredState, ObservedState, PlanningOptions, Plan> planner)
{
    private string? _localDatacenter;

    /// <summary>Reconciles every function of <paramref name="source"/>.</summary>
    /// <param name="source">Where the functions come from and the owner id written to Consul; listed functions elsewhere are reported and skipped.</param>
    /// <param name="dryRun">Plan only.</param>
    /// <param name="deadline">Fires when no new write may start.</param>
    /// <param name="restrict">Narrows each plan before it is confirmed and executed (the CLI's adopt keeps only adoptions); null keeps all.</param>
    public async Task<SyncReport> FullSyncAsync(Source source, bool dryRun, CancellationToken deadline, Func<Plan, Plan>? restrict = null, SyncTrigger trigger = SyncTrigger.FullSync)
    {
        var errors = new List<string>();
        var report = new SyncReport { Trigger = trigger, DryRun = dryRun };
        Func<DesiredState, ObservedState, PlanningOptions, Plan> planFor = restrict is null ? planner : (d, o, p) => restrict(planner(d, o, p));
        try
        {
            var listed = await inventory.ReadAsync(deadline).ConfigureAwait(false);
            errors.AddRange(listed.Errors);
            var (view, unknown) = await federation.ResolveAsync(refresh: true, deadline).ConfigureAwait(false);
            if (view is null)
            {
                return report with { Errors = [.. errors, unknown!] };
            }

            var firstDesired = DesiredState.FullSync(listed.Functions, listed.IsComplete, listed.Unrecognised);
            var reading = Planning(source, view);
            var scopes = DesiredServices.RequiredScopes(firstDesired, reading);
            var read = await observer.ReadAsync(scopes, EntryScopes(reading), deadline).ConfigureAwait(false);
            errors.AddRange(read.Errors);
            Learn(read.LocalDatacenter);
            var planning = Planning(source, view);
            read = read with { State = await WithSharedEntriesAsync(read.State, scopes, planning, deadline).ConfigureAwait(false) };
            var firstPlan = planFor(firstDesired, read.State, planning);
            var confirmed = await ConfirmAsync(listed, firstPlan, errors, deadline).ConfigureAwait(false);
            var desired = confirmed ?? firstDesired;
            var plan = confirmed is null ? firstPlan : planFor(desired, read.State, planning);
            Log.Planned(logger, trigger.ToName(), plan.Actions.Count, plan.Problems.Count, plan.UnchangedServices);
            var incomplete = desired.IsComplete ? 0 : 1;
            return await ExecuteAsync(report with { Errors = errors, IncompleteSources = incomplete }, plan, desired, planning, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            // Why incomplete: the sync stopped before its inventory was known to be whole.
            return Stopped(report with { IncompleteSources = 1 }, errors);
        }
    }

    /// <summary>Reconciles one function after reading it from Lambda.</summary>
    public async Task<SyncReport> SyncFunctionAsync(SyncTrigger trigger, LambdaArn target, Source source, bool dryRun, CancellationToken deadline)
    {
        var report = new SyncReport { Trigger = trigger, Function = target.ToString(), DryRun = dryRun };
        try
        {
            var read = await reader.ReadAsync(target, includeAliases: true, deadline).ConfigureAwait(false);
            if (read.Error is not null && read.Entry is null)
            {
                // Why: without knowing whether the function exists, nothing may be written; the event is retried.
                return report with { Errors = [read.Error] };
            }

            return await ApplyToFunctionAsync(report, read.Entry?.FunctionArn ?? target, read.Entry, read.Error is null ? [] : [read.Error], source, deadline)
                .ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Stopped(report, []);
        }
    }

    /// <summary>
    /// Reconciles one function whose desired state is given: an entry (read from AWS, or a manual registration), null
    /// when AWS says it does not exist, or <paramref name="deregisterRequested"/> for a manual deregistration.
    /// </summary>
    public async Task<SyncReport> ApplyToFunctionAsync(
        SyncReport report, LambdaArn target, FunctionInventoryEntry? entry, IReadOnlyList<string> readErrors, Source source, CancellationToken deadline,
        bool deregisterRequested = false)
    {
        var errors = new List<string>(readErrors);
        try
        {
            var (view, unknown) = await federation.ResolveAsync(refresh: false, deadline).ConfigureAwait(false);
            if (view is null)
            {
                return report with { Errors = [.. errors, unknown!] };
            }

            var desired = deregisterRequested ? DesiredState.Deregistration(target) : DesiredState.ForFunction(target, entry);
            var names = DesiredServices.NamesWanted(target, entry, options.Enterprise);
            var reading = Planning(source, view);
            var scopes = DesiredServices.RequiredScopes(desired, reading);
            var read = await observer.ReadForFunctionAsync(scopes, EntryScopes(reading), target, names, deadline)
                .ConfigureAwait(false);
            errors.AddRange(read.Errors);
            Learn(read.LocalDatacenter);
            var planning = Planning(source, view);
            read = read with { State = await WithSharedEntriesAsync(read.State, scopes, planning, deadline).ConfigureAwait(false) };
            var plan = planner(desired, read.State, planning);
            Log.Planned(logger, report.Trigger.ToName(), plan.Actions.Count, plan.Problems.Count, plan.UnchangedServices);
            return await ExecuteAsync(report with { Errors = errors }, plan, desired, planning, deadline).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return Stopped(report, errors);
        }
    }

    private async Task<SyncReport> ExecuteAsync(
        SyncReport report, Plan plan, DesiredState desired, PlanningOptions planning, CancellationToken deadline)
    {
        foreach (var problem in plan.Problems)
        {
            Log.Problem(logger, problem.Kind.ToString(), problem.Message);
        }

        foreach (var action in plan.Actions)
        {
            Log.PlannedAction(logger, action.ToString());
        }

        // Why: a plan with nothing to do still says what was made of the function, so a summary of zeros is never mute.
        report = report with { Reason = report.Reason ?? plan.Note };
        if (report.DryRun)
        {
            return report with { Plan = plan, Actions = [.. plan.Actions.Select(a => new ActionOutcome(a, ActionStatus.Planned))] };
        }

        var outcomes = await executor.ExecuteAsync(plan, (lost, token) => ReplanAsync(lost, desired, planning, token), deadline).ConfigureAwait(false);
        var errors = new List<string>(report.Errors);
        if (extensionData is not null)
        {
            // The plan decided every identity; an action's is carried out only once its Consul writes succeeded.
            var identities = outcomes
                .Where(o => o.Status == ActionStatus.Done)
                .Select(o => o.Action.MeshIdentity)
                .OfType<MeshIdentityStep>()
                .Concat(plan.MeshIdentities)
                .ToList();
            errors.AddRange(await extensionData.ApplyAsync(identities, deadline).ConfigureAwait(false));
        }

        return report with { Plan = plan, Actions = outcomes, Errors = errors };
    }

    private async Task<Replanned> ReplanAsync(PlanAction lost, DesiredState desired, PlanningOptions planning, CancellationToken cancellationToken)
    {
        var key = lost.Service;
        var state = await WithSharedEntriesAsync(
            await observer.ReadServiceAsync(key, ConsulObjects.ConfigEntryScope(key.Scope, planning), cancellationToken).ConfigureAwait(false),
            [key.Scope], planning, cancellationToken).ConfigureAwait(false);
        if (lost.FunctionArn is { } function)
        {
            // Why: the race was lost to another writer, possibly a targeted sync that acted on newer tags than this
            // sync read. Re-planning against the desired state read before the race would write the older tags back
            // over the newer ones, so the function is read from Lambda again and only that function is re-planned.
            var read = await reader.ReadAsync(function.Unqualified, includeAliases: true, cancellationToken).ConfigureAwait(false);
            if (read.Error is not null && read.Entry is null)
            {
                throw new InvalidOperationException($"re-reading {function.Unqualified} from Lambda failed: {read.Error}");
            }

            desired = DesiredState.ForFunction(function.Unqualified, read.Entry);
        }

        var plan = planner(desired, state, planning);
        var action = plan.Actions.FirstOrDefault(a => a.Service.Equals(key));
        var problem = plan.Problems.FirstOrDefault(p => p.Service is { } service && service.Equals(key)
            && p.Kind is PlanProblemKind.NameCollision or PlanProblemKind.DuplicateServiceName);
        return new Replanned(action, action is null ? problem : null);
    }

    // Confirms the functions the first plan would change: Tagging-API data may be stale or list deleted functions, and
    // aliases are only looked up for functions that change (GetFunction Qualifier=<alias>, see ConfirmationProgress). Returns null when nothing needed
    // confirming: the first plan stands and is not made again.
    private async Task<DesiredState?> ConfirmAsync(InventoryResult listed, Plan firstPlan, List<string> errors, CancellationToken deadline)
    {
        var byArn = new Dictionary<LambdaArn, FunctionInventoryEntry>();
        foreach (var function in listed.Functions)
        {
            byArn.TryAdd(function.FunctionArn.Unqualified, function);
        }

        var changed = firstPlan.Actions.Select(a => a.FunctionArn?.Unqualified).OfType<LambdaArn>().Distinct().ToList();
        var toRead = inventory.NeedsConfirmation
            ? changed
            : [.. changed.Where(arn => byArn.TryGetValue(arn, out var entry) && reader.WantsAliases(entry))];
        if (toRead.Count == 0)
        {
            return null;
        }

        var reads = new FunctionRead[toRead.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, toRead.Count),
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = deadline },
            async (index, token) =>
            {
                var arn = toRead[index];
                // Tagging-API tags are only a hint of which aliases to read; ListFunctions' entries were read with GetFunction.
                var start = inventory.NeedsConfirmation
                    ? ConfirmationProgress.Listed(byArn.GetValueOrDefault(arn)?.Tags)
                    : ConfirmationProgress.Read(byArn[arn].Tags!);
                reads[index] = await reader.ConfirmAsync(arn, start, token).ConfigureAwait(false);
            }).ConfigureAwait(false);

        var complete = listed.IsComplete;
        foreach (var read in reads)
        {
            if (read.Error is not null)
            {
                errors.Add(read.Error);
                complete = false;
            }

            var arn = read.Requested.Unqualified;
            if (read.IsGone)
            {
                byArn.Remove(arn);
                continue;
            }

            // A failed read leaves the function's tags unknown: the planner then leaves its services as they are.
            byArn[arn] = read.Entry ?? new FunctionInventoryEntry(arn, null);
        }

        Log.Confirmed(logger, toRead.Count, reads.Count(r => r.IsGone));
        return DesiredState.FullSync([.. byArn.Values], complete, listed.Unrecognised);
    }

    private PlanningOptions Planning(Source source, FederationView view)
    {
        // Why: the only datacenter of a Consul that is not federated is the agent's own.
        if (view.Datacenters.Count == 1)
        {
            Learn(view.Datacenters[0]);
        }

        return PlanningOptions.From(options, source, Volatile.Read(ref _localDatacenter), view.Primary, view.Datacenters);
    }

    private static Func<ConsulScope, ConsulScope> EntryScopes(PlanningOptions planning) => scope => ConsulObjects.ConfigEntryScope(scope, planning);

    // The shared entries (TERMINATING_GATEWAY, EXPORT_TO) of the scopes read; no request when the feature is off.
    private async Task<ObservedState> WithSharedEntriesAsync(
        ObservedState state, IReadOnlyList<Core.Planning.ConsulScope> scopes, PlanningOptions planning, CancellationToken cancellationToken)
    {
        var keys = SharedEntries.KeysToRead(scopes, planning);
        return keys.Count == 0 ? state : state with { SharedEntries = await observer.ReadSharedAsync(keys, cancellationToken).ConfigureAwait(false) };
    }

    // Why atomic: invocations may overlap in one process; the first one to learn the datacenter sets it, once.
    private void Learn(string? localDatacenter)
    {
        if (localDatacenter is not null && options.Datacenter is null
            && Interlocked.CompareExchange(ref _localDatacenter, localDatacenter, null) is null)
        {
            Log.LearnedDatacenter(logger, localDatacenter);
        }
    }

    private SyncReport Stopped(SyncReport report, IReadOnlyList<string> errors)
    {
        Log.DeadlineBeforeWrites(logger, report.Trigger.ToName());
        return report with
        {
            Errors = errors,
            DeadlineReached = true,
            Reason = "The deadline (minus DEADLINE_MARGIN_MS) was reached before the plan could be executed; nothing was written. Raise the function timeout if this repeats.",
        };
    }
}
