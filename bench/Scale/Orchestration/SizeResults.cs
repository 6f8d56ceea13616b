namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>Every scenario of one account size, with the account figures the targets refer to.</summary>
/// <param name="Size">N, the functions in the account.</param>
/// <param name="Tagged">T, functions carrying the enabled tag key (what the Tagging API walk returns).</param>
/// <param name="Services">Consul services the account's tags call for (functions and aliases).</param>
/// <param name="DriftChanges">k, functions whose tags the drift scenario changes.</param>
/// <param name="Results">One entry per strategy and scenario.</param>
internal sealed record SizeResults(int Size, int Tagged, int Services, int DriftChanges, IReadOnlyList<ScenarioResult> Results)
{
    public ScenarioResult? Find(string strategy, string scenario) =>
        Results.FirstOrDefault(r => r.Strategy == strategy && r.Scenario == scenario);
}
