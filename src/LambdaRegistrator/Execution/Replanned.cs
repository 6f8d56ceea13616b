using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Execution;

/// <summary>The result of re-planning one service after a lost check-and-set race.</summary>
/// <param name="Action">What is left to do for the service; null when nothing is.</param>
/// <param name="Problem">A problem the re-plan reported for the service (e.g. another registrator now owns it); null when none.</param>
internal sealed record Replanned(PlanAction? Action, PlanProblem? Problem);
