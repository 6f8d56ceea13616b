using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Logging;
using LambdaRegistrator.Observation;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Execution;

/// <summary>
/// The only writer to Consul: runs a plan's actions in plan order, <c>MAX_CONCURRENCY</c> at a time, each action's
/// steps in order (config entries before registration; config entry deletes before deregistration). Config entries of
/// every kind go through one path, written and deleted with check-and-set. A failed action is
/// recorded and the others continue; a lost check-and-set race re-reads and re-plans that one service (bounded);
/// once the deadline token fires no new action starts and the rest are reported as skipped. Writes already in flight
/// may use the margin (<paramref name="writeGrace"/>) to finish, and are cancelled when it is spent.
/// </summary>
/// <param name="writeGrace">How long in-flight writes may run past the deadline token: DEADLINE_MARGIN_MS, so they
/// stop by the invocation's real deadline.</param>
/// <param name="time">The clock <paramref name="writeGrace"/> is measured on.</param>
internal sealed class PlanExecutor(IConsulClient consul, int maxConcurrency, int maxCasRetries, TimeSpan writeGrace, TimeProvider time, ILogger logger)
{
    private readonly SharedEntryWriter _shared = new(consul, maxCasRetries, logger);

    /// <summary>Executes <paramref name="plan"/>; never throws for a failed write.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="replan">Re-reads and re-plans the service of a lost action after a lost race.</param>
    /// <param name="deadline">Fires when no new write may start (invocation deadline minus DEADLINE_MARGIN_MS).</param>
    public async Task<IReadOnlyList<ActionOutcome>> ExecuteAsync(
        Plan plan, Func<PlanAction, CancellationToken, Task<Replanned>> replan, CancellationToken deadline)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var outcomes = new ActionOutcome[plan.Actions.Count];
        using var writeDeadline = new WriteDeadline(writeGrace, time, deadline);
        var writes = writeDeadline.Token;
        using var gate = new SemaphoreSlim(maxConcurrency);
        var running = new List<Task>(plan.Actions.Count);
        for (var i = 0; i < plan.Actions.Count; i++)
        {
            var index = i;
            var action = plan.Actions[index];
            var entered = false;
            try
            {
                await gate.WaitAsync(deadline).ConfigureAwait(false);
                entered = true;
            }
            catch (OperationCanceledException)
            {
            }

            if (!entered || deadline.IsCancellationRequested)
            {
                if (entered)
                {
                    gate.Release();
                }

                outcomes[index] = Skipped(action);
                continue;
            }

            running.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        outcomes[index] = await ExecuteActionAsync(action, replan, deadline, writes).ConfigureAwait(false);
                    }
                    finally
                    {
                        gate.Release();
                    }
                },
                CancellationToken.None));
        }

        await Task.WhenAll(running).ConfigureAwait(false);
        return outcomes;
    }

    private ActionOutcome Skipped(PlanAction action)
    {
        Log.ActionSkipped(logger, action.Kind.ToString(), action.Service.ToString());
        return new ActionOutcome(action, ActionStatus.Skipped, "the deadline was reached before this action started; the next sync does it");
    }

    private async Task<ActionOutcome> ExecuteActionAsync(
        PlanAction action, Func<PlanAction, CancellationToken, Task<Replanned>> replan, CancellationToken deadline, CancellationToken writes)
    {
        var current = action;
        var retries = 0;
        while (true)
        {
            var (lostOn, failure) = await RunStepsAsync(current, writes).ConfigureAwait(false);
            if (failure is not null)
            {
                Log.ActionFailed(logger, current.Kind.ToString(), current.Service.ToString(), failure);
                return new ActionOutcome(current, ActionStatus.Failed, failure, retries);
            }

            if (lostOn is null)
            {
                Log.ActionDone(logger, current.Kind.ToString(), current.Service.ToString(), current.Reason);
                return new ActionOutcome(current, ActionStatus.Done, retries == 0 ? null : $"re-planned after {retries} lost check-and-set race(s)", retries);
            }

            retries++;
            Log.CasLost(logger, current.Service.ToString(), retries);
            if (retries > maxCasRetries)
            {
                var message = $"lost the check-and-set race on {lostOn.Value.Kind} \"{lostOn.Value.Name}\" {retries} times: another writer keeps changing it; the next sync retries";
                Log.ActionFailed(logger, current.Kind.ToString(), current.Service.ToString(), message);
                return new ActionOutcome(current, ActionStatus.Failed, message, retries);
            }

            if (deadline.IsCancellationRequested)
            {
                return new ActionOutcome(current, ActionStatus.Skipped, "lost a check-and-set race and the deadline was reached before re-planning; the next sync does it", retries);
            }

            Replanned next;
            try
            {
                next = await replan(current, deadline).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return new ActionOutcome(current, ActionStatus.Skipped, "lost a check-and-set race and the deadline was reached while re-planning; the next sync does it", retries);
            }
#pragma warning disable CA1031 // Why: one action's failure must never stop the others; the cause is recorded.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                var message = $"lost a check-and-set race and re-reading the service failed: {exception.Message}";
                Log.ActionFailed(logger, current.Kind.ToString(), current.Service.ToString(), message);
                return new ActionOutcome(current, ActionStatus.Failed, message, retries);
            }

            if (next.Action is null)
            {
                if (next.Problem is not null)
                {
                    Log.ActionFailed(logger, current.Kind.ToString(), current.Service.ToString(), next.Problem.Message);
                    return new ActionOutcome(current, ActionStatus.Failed, "after a lost check-and-set race: " + next.Problem.Message, retries);
                }

                Log.ActionDone(logger, current.Kind.ToString(), current.Service.ToString(), "another writer already made it right");
                return new ActionOutcome(current, ActionStatus.Done, $"another writer made the change first (lost {retries} check-and-set race(s)); nothing left to do", retries);
            }

            current = next.Action;
        }
    }

    // Why: writes already started may run into the margin past the deadline token (a half-written service, an entry
    // without its registration, is worse than using a few milliseconds of the margin), but no further: `writes` fires
    // when the margin is spent, so a hung Consul cannot keep the invocation alive past Lambda's own deadline.
    // Returns the config entry whose check-and-set was lost (null when none was), or the failure. A shared entry step
    // that fails does not stop the others (the service is registered, or deregistered, without it); its failure is
    // reported once the other steps ran.
    private async Task<(ConfigEntryKey? LostOn, string? Failure)> RunStepsAsync(PlanAction action, CancellationToken writes)
    {
        var scope = ConsulMapping.ToWire(action.Service.Scope);
        List<string>? sharedFailures = null;
        foreach (var step in action.Steps)
        {
            try
            {
                switch (step)
                {
                    case PutConfigEntry put:
                        if (!await consul.SetConfigEntryAsync(ConsulMapping.ToWire(put.Entry), ConsulMapping.ToWire(put.Scope), put.CasIndex, writes).ConfigureAwait(false))
                        {
                            return (put.Key, null);
                        }

                        break;
                    case RegisterService register:
                        await consul.RegisterAsync(ConsulMapping.ToWire(register.Registration), scope, writes).ConfigureAwait(false);
                        break;
                    case DeleteConfigEntry delete:
                        if (!await consul.DeleteConfigEntryAsync(delete.Key.Kind, delete.Key.Name, ConsulMapping.ToWire(delete.Key.Scope), delete.CasIndex, writes).ConfigureAwait(false))
                        {
                            return (delete.Key, null);
                        }

                        break;
                    case DeregisterService deregister:
                        await consul.DeregisterAsync(new CatalogDeregistration { Node = deregister.Node, ServiceId = deregister.ServiceId }, scope, writes)
                            .ConfigureAwait(false);
                        break;
                    case UpdateSharedEntry shared:
                        string? sharedFailure;
                        try
                        {
                            sharedFailure = await _shared.ApplyAsync(shared, writes).ConfigureAwait(false);
                        }
                        catch (Consul.Errors.ConsulException exception)
                        {
                            sharedFailure = exception.Message;
                        }

                        if (sharedFailure is not null)
                        {
                            Log.ActionFailed(logger, action.Kind.ToString(), action.Service.ToString(), $"{Describe(step)}: {sharedFailure}");
                            (sharedFailures ??= []).Add($"{Describe(step)}: {sharedFailure}");
                        }

                        break;
                    default:
                        return (null, $"unknown plan step {step.GetType().Name}");
                }
            }
            catch (OperationCanceledException) when (writes.IsCancellationRequested)
            {
                return (null, $"{Describe(step)} was still running when the invocation's deadline (DEADLINE_MARGIN_MS after the stop for new writes) was reached; the next sync finishes it");
            }
#pragma warning disable CA1031 // Why: one action's failure must never stop the others; the cause is recorded.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                return (null, $"{Describe(step)} failed: {exception.Message}");
            }
        }

        return (null, sharedFailures is null ? null : string.Join("; ", sharedFailures));
    }

    private static string Describe(PlanStep step) => step switch
    {
        PutConfigEntry put => $"PUT {put.Entry.Kind} \"{put.Entry.Name}\" (cas {put.CasIndex})",
        RegisterService register => $"catalog register \"{register.Registration.Service.Id}\"",
        DeleteConfigEntry delete => $"DELETE {delete.Key.Kind} \"{delete.Key.Name}\" (cas {delete.CasIndex})",
        DeregisterService deregister => $"catalog deregister \"{deregister.ServiceId}\"",
        UpdateSharedEntry shared => shared.ToString(),
        _ => step.GetType().Name,
    };
}
