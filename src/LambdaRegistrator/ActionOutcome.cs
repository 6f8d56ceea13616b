using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator;

/// <summary>The outcome of one plan action.</summary>
/// <param name="Action">The action as finally executed (after a lost check-and-set race, the re-planned one).</param>
/// <param name="Status">Done, failed, skipped or planned (dry run).</param>
/// <param name="Message">For a failure: what went wrong and what to do; for a re-planned action: what changed. Never holds secrets.</param>
/// <param name="CasRetries">How many times a lost check-and-set race made the service be re-read and re-planned.</param>
public sealed record ActionOutcome(PlanAction Action, ActionStatus Status, string? Message = null, int CasRetries = 0)
{
    /// <summary>One line for logs and the CLI.</summary>
    public override string ToString() =>
        Message is null ? $"{Status.ToString().ToLowerInvariant()}: {Action}" : $"{Status.ToString().ToLowerInvariant()}: {Action} ({Message})";
}
