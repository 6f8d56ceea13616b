using LambdaRegistrator.Bench.Scale.Account;
using LambdaRegistrator.Bench.Scale.Child;
using LambdaRegistrator.ConsulSimulator;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>
/// Correctness cross-check at N = 100: the same synthetic account seeded into moto_server, a first sync per engine
/// strategy against a fresh Consul simulator, and the Consul end state compared line by line with the stub run's.
/// </summary>
internal static class MotoCrossCheck
{
    public const int Size = 100;

    /// <summary>One line per strategy; <paramref name="failed"/> is set when an end state differs.</summary>
    public static async Task<(IReadOnlyList<string> Lines, bool Failed)> RunAsync(
        IReadOnlyDictionary<(int Size, string Strategy), ConsulState> stubStates, IEnumerable<string> strategies, TextWriter progress, CancellationToken cancellationToken)
    {
        var account = SyntheticAccount.Create(Size);
        var lines = new List<string>();
        var failed = false;
        await using var moto = await MotoServer.StartAsync(cancellationToken);
        var role = await moto.Seed.CreateRoleAsync("bench-lambda-role", cancellationToken);
        foreach (var function in account.Functions)
        {
            await moto.Seed.CreateFunctionAsync(function.Name, role, function.BaseTags, cancellationToken);
            if (function.Aliases.Count > 0)
            {
                var version = await moto.Seed.PublishVersionAsync(function.Name, cancellationToken);
                foreach (var alias in function.Aliases)
                {
                    await moto.Seed.CreateAliasAsync(function.Name, alias, version, cancellationToken);
                }
            }
        }

        progress.WriteLine($"moto: seeded {account.Functions.Count} functions at {moto.Endpoint}");
        foreach (var strategy in strategies.Where(s => s != Strategies.Go))
        {
            await using var consul = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions(), cancellationToken);
            var environment = BenchEnvironment.For(moto.Endpoint, consul.BaseAddress, strategy);
            using var registrator = await Registrator.CreateAsync(environment.GetValueOrDefault, new RegistratorHostOptions { LogOutput = TextWriter.Null }, cancellationToken);
            var report = await registrator.FullSyncAsync(dryRun: false, cancellationToken: cancellationToken);
            var state = await ConsulState.ReadAsync(consul.BaseAddress, cancellationToken);
            var problems = state.Check(account.ExpectedServices(), namesOnly: false);
            if (!stubStates.TryGetValue((Size, strategy), out var stubState))
            {
                lines.Add($"`{strategy}`: moto end state has {state.Lines.Count} lines, {problems.Count} differences from the tags; no stub run at N = {Size} to compare with.");
                failed |= problems.Count > 0;
                continue;
            }

            var onlyMoto = state.Lines.Except(stubState.Lines, StringComparer.Ordinal).ToList();
            var onlyStub = stubState.Lines.Except(state.Lines, StringComparer.Ordinal).ToList();
            if (onlyMoto.Count == 0 && onlyStub.Count == 0 && problems.Count == 0)
            {
                lines.Add($"`{strategy}`: identical Consul end state with moto and with the stub ({state.Lines.Count} services and config entries; sync outcome {report.Outcome}).");
                continue;
            }

            failed = true;
            lines.Add($"`{strategy}`: DIFFERENT end state (sync outcome {report.Outcome}): only with moto: {string.Join(" | ", onlyMoto.Take(3))}; "
                + $"only with the stub: {string.Join(" | ", onlyStub.Take(3))}; vs tags: {string.Join(" | ", problems.Take(3))}");
        }

        return (lines, failed);
    }
}
