namespace LambdaRegistrator.Function;

/// <summary>
/// Serves invocations with the registrator engine created at cold start: the event goes to
/// <see cref="Registrator.HandleEventAsync"/>, and the report's outcome becomes the Lambda result.
/// </summary>
/// <remarks>Every invocation that produced a report also writes its metric record (<see cref="MetricsWriter"/>), failures included.</remarks>
internal sealed class RegistratorInvocationHandler(Registrator registrator, MetricsWriter? metrics = null) : IInvocationHandler, IDisposable
{
    /// <summary>Why: one source of truth: DEADLINE_MARGIN_MS is parsed (and validated) with the rest of the registrator's settings.</summary>
    public TimeSpan DeadlineMargin => registrator.Options.DeadlineMargin;

    public async Task<InvocationResult> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        SyncReport report;
        try
        {
            report = await registrator.HandleEventAsync(eventJson, new SyncContext(context.InvokedFunctionArn, context.AwsRequestId), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RegistratorConfigurationException e)
        {
            // REGISTRATOR_ID unset and the account unknown (no AWS_ACCOUNT_ID, no invoked ARN, e.g. under the managed runtime).
            return InvocationResult.Failure(RegistratorErrorTypes.InvalidConfiguration, e.Message);
        }

        metrics?.Write(report, context);
        return ToResult(report);
    }

    /// <summary>Maps a report to the Lambda result: successes answer the JSON summary, everything else is a typed function error.</summary>
    public static InvocationResult ToResult(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        return report.Outcome switch
        {
            SyncOutcome.Succeeded or SyncOutcome.Ignored => InvocationResult.Success(report.ToJson()),
            SyncOutcome.Rejected => InvocationResult.Failure(
                RegistratorErrorTypes.EventRejected,
                $"The event was rejected and nothing was written: {report.Reason ?? "no reason given"}. "
                + "Check the EventBridge rule's input (it must be the unchanged event)."),
            SyncOutcome.Failed => InvocationResult.Failure(
                RegistratorErrorTypes.ActionsFailed,
                $"{summary.Failed} of {report.Actions.Count} actions failed and {report.Errors.Count} other operations failed; everything else was done "
                + $"and the next sync retries the rest. Summary: {report}"),
            _ => InvocationResult.Failure(
                RegistratorErrorTypes.DeadlineReached,
                "The invocation deadline minus DEADLINE_MARGIN_MS came before the work was done: "
                + (report.Plan is null ? "no plan was made and nothing was written" : $"{summary.Skipped} of {report.Actions.Count} actions were not started")
                + $"; the next sync does the rest. Raise the function timeout if this repeats. Summary: {report}"),
        };
    }

    public void Dispose() => registrator.Dispose();
}
