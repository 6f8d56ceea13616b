using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.ConsulSimulator.Faults;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;
using Xunit.Abstractions;

namespace LambdaRegistrator.Reliability.Tests.Faults;

/// <summary>
/// The real CLI process killed with SIGKILL at seeded-random points of a large sync (60 functions, 80 services, writes
/// slowed so they spread out), then run again to completion: Consul converges with nothing lost and nothing duplicated,
/// and a further sync writes nothing. The same for a sync that is mostly deregistrations.
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class KillTests(MotoFixture fixture, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Functions = 60;
    private ConsulTarget _consul = null!;
    private string _role = string.Empty;

    public async Task InitializeAsync()
    {
        _role = await fixture.ResetAsync();
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
    }

    public async Task DisposeAsync() => await _consul.DisposeAsync();

    [Fact]
    public async Task Sync_KilledAtRandomPointsThenRerun_ConvergesWithNothingLostOrDuplicated()
    {
        var moto = fixture.Moto;
        var expected = new List<ExpectedService>();
        var arns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Functions; i++)
        {
            var name = $"kill-{i:00}";
            string[] aliases = i % 3 == 0 ? ["live"] : [];
            arns[name] = await moto.Seed.CreateFunctionAsync(name, _role, TagSet.Enabled(aliases));
            foreach (var alias in aliases)
            {
                await moto.Seed.CreateAliasAsync(name, alias, await moto.Seed.PublishVersionAsync(name));
            }

            expected.AddRange(ExpectedService.For(name, arns[name], aliases));
        }

        var environment = new Dictionary<string, string>(moto.Environment, StringComparer.Ordinal)
        {
            ["CONSUL_HTTP_ADDR"] = _consul.Address.AbsoluteUri,
            ["AWS_ACCOUNT_ID"] = "123456789012",
            ["MAX_CONCURRENCY"] = "4",
            ["LOG_LEVEL"] = "warn",
        };
        // Every write takes 20 ms: a full registration is 160 writes, about a second of writing at 4 in parallel.
        _consul.Faults!.Add(new FaultRule { PathPrefix = "/v1/", Method = "PUT", Delay = TimeSpan.FromMilliseconds(20) });
        var random = new Random(20251122);

        await KillAtAsync(environment, [.. Enumerable.Range(0, 3).Select(_ => random.Next(5, 2 * expected.Count - 5)).Order()]);
        await RunToCompletionAsync(environment);
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), expected, Inventories.Owner);

        // Phase 2: half the functions are untagged; the deregistering sync is killed too.
        foreach (var name in arns.Keys.Where((_, i) => i % 2 == 1))
        {
            await moto.Seed.TagResourceAsync(arns[name], TagSet.Of(("enabled", "false")));
        }

        var kept = expected.Where(e => int.Parse(e.Name[5..7], System.Globalization.CultureInfo.InvariantCulture) % 2 == 0).ToList();
        var written = _consul.Stats!.Writes;
        await KillAtAsync(environment, [written + random.Next(3, 2 * (expected.Count - kept.Count) - 3)]);
        await RunToCompletionAsync(environment);
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(_consul), kept, Inventories.Owner);

        var writes = _consul.Stats.Writes;
        var steady = await CliProcess.RunAsync(environment, "sync");
        Assert.True(steady.ExitCode == 0, steady.ToString());
        Assert.Equal(writes, _consul.Stats.Writes);
    }

    // Starts the CLI's sync and SIGKILLs it once the simulator has counted each threshold's writes; a run that finishes
    // first is simply done.
    private async Task KillAtAsync(Dictionary<string, string> environment, IReadOnlyList<long> thresholds)
    {
        foreach (var threshold in thresholds)
        {
            using var cli = CliProcess.Start(environment, "sync");
            while (!cli.HasExited && _consul.Stats!.Writes < threshold)
            {
                await Task.Delay(2);
            }

            var killed = !cli.HasExited;
            await cli.KillHardAsync();
            output.WriteLine($"{(killed ? "killed" : "finished")} at {_consul.Stats!.Writes} writes (threshold {threshold})");
        }
    }

    private async Task RunToCompletionAsync(Dictionary<string, string> environment)
    {
        var run = await CliProcess.RunAsync(environment, "sync");
        Assert.True(run.ExitCode == 0, run.ToString());
        output.WriteLine($"completed at {_consul.Stats!.Writes} writes");
    }
}
