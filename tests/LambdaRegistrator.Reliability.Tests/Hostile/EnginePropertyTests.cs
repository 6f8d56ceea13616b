using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LambdaRegistrator.Reliability.Tests.Hostile;

/// <summary>
/// Engine-level property test: random inventories (valid, disabled, invalid tags, aliases that do and do not exist, read
/// failures) served over HTTP, against random pre-existing Consul states (other registrators' objects, the Go
/// registrator's untagged-owner objects, people's objects, our own stale or orphaned ones). Invariants after every sync:
/// nothing it does not own is changed or removed (Go-owned ones only adopted by an exact claim); an incomplete inventory
/// removes nothing; every enabled function is written or reported; once a sync completes, the next one writes nothing.
/// Seeds are fixed, so a failure names the seed that reproduces it.
/// </summary>
public sealed class EnginePropertyTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    private const string Foreign = "210987654321/eu-west-1";
    private static readonly string[] EnabledValues = ["true", "TRUE", "True", "false", "maybe", ""];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 16).Select(i => 7919 * (i + 1))];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Sync_RandomInventoryAndConsulState_KeepsEveryInvariant(int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, 10).Select(i => $"p{i:00}").ToList();
        var inventory = new List<FakeFunction>();
        foreach (var name in names.Where(_ => random.NextDouble() < 0.8))
        {
            var tags = new Dictionary<string, string>(StringComparer.Ordinal);
            var enabled = EnabledValues[random.Next(EnabledValues.Length)];
            if (enabled.Length > 0)
            {
                tags[LambdaTags.Enabled] = enabled;
            }

            if (random.NextDouble() < 0.4)
            {
                tags[LambdaTags.Aliases] = random.Next(3) switch { 0 => "a", 1 => "b", _ => "a+b" };
            }

            if (random.NextDouble() < 0.3)
            {
                tags[LambdaTags.PayloadPassthrough] = "true";
            }

            inventory.Add(FakeFunction.Of(name, tags, [.. new[] { "a", "b" }.Where(_ => random.NextDouble() < 0.6)]));
        }

        var failure = random.Next(6);
        var failing = inventory.Count == 0 ? null : inventory[random.Next(inventory.Count)].Name;
        var strategy = random.Next(2) == 0 ? "tagging" : "list-functions";
        output.WriteLine($"seed {seed}: {inventory.Count} functions, strategy {strategy}, failure mode {failure} on {failing}");

        fixture.Reset(inventory.Select(f => f.Name != failing ? f : failure switch
        {
            3 => f with { FailGetFunction = true },
            4 => f with { DenyTags = true },
            5 => f with { FailListAliases = true },
            _ => f,
        }));
        fixture.Aws.PageSize = 4;
        if (failure == 2)
        {
            fixture.Aws.FailPage(2);
        }

        var goOwned = new HashSet<string>(StringComparer.Ordinal);
        using (var seedConsul = new ConsulSeed(fixture.Consul))
        {
            await seedConsul.ServiceAsync("node-1", "web", ["http"], new Dictionary<string, string> { ["team"] = "web" });
            await seedConsul.EntryAsync("web", new Dictionary<string, string>(), null);
            foreach (var service in names.SelectMany(n => new[] { n, n + "-a", n + "-b" }))
            {
                var function = service.Split('-')[0];
                var arn = $"arn:aws:lambda:us-east-1:123456789012:function:{function}";
                var serviceArn = service.Contains('-', StringComparison.Ordinal) ? $"{arn}:{service.Split('-')[1]}" : arn;
                switch (random.Next(7))
                {
                    case 1:
                        var theirs = new Dictionary<string, string> { [Ownership.RegistratorIdKey] = Foreign, [Ownership.FunctionArnKey] = arn.Replace("123456789012", "210987654321", StringComparison.Ordinal) };
                        await seedConsul.ServiceAsync(ConsulState.Node, service, [Ownership.ManagedTag], theirs);
                        await seedConsul.EntryAsync(service, theirs, serviceArn.Replace("123456789012", "210987654321", StringComparison.Ordinal));
                        break;
                    case 2:
                        goOwned.Add(service);
                        await seedConsul.ServiceAsync(ConsulState.Node, service, [Ownership.ManagedTag], new Dictionary<string, string>());
                        await seedConsul.EntryAsync(service, new Dictionary<string, string>(), random.Next(2) == 0 ? serviceArn : serviceArn + "-elsewhere");
                        break;
                    case 3:
                        var ours = new Dictionary<string, string> { [Ownership.RegistratorIdKey] = Inventories.Owner, [Ownership.FunctionArnKey] = arn };
                        await seedConsul.ServiceAsync(ConsulState.Node, service, [Ownership.ManagedTag], ours);
                        await seedConsul.EntryAsync(service, ours, serviceArn, protocol: random.Next(2) == 0 ? "http" : "grpc");
                        break;
                    case 4:
                        await seedConsul.EntryAsync(service, new Dictionary<string, string> { ["owner"] = "a person" }, null);
                        break;
                    default:
                        break;
                }
            }
        }

        using var rig = await Rig.StartAsync(Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul, ("INVENTORY_STRATEGY", strategy)));
        var first = await SyncAndCheckAsync(rig, inventory, goOwned, mustBeIncomplete: failing is not null && FailureIsAlwaysHit(inventory, failure, strategy));
        if (first.Outcome != SyncOutcome.Succeeded)
        {
            fixture.Aws.Set(inventory);
            fixture.Aws.FailPage(null);
            var healed = await SyncAndCheckAsync(rig, inventory, goOwned, mustBeIncomplete: false);
            Assert.True(healed.Outcome == SyncOutcome.Succeeded, $"seed {seed}: healed sync {healed}");
        }

        var writes = fixture.Consul.Stats!.Writes;
        var steady = await rig.Registrator.FullSyncAsync(dryRun: false);
        Assert.True(steady.Plan!.IsEmpty, $"seed {seed}: {steady}");
        Assert.Equal(writes, fixture.Consul.Stats.Writes);
    }

    // Failures every sync of this inventory runs into: a second page that exists, or GetFunction/tags of any function when
    // list-functions reads them all. (A per-function failure under the tagging strategy is only hit if that function changes.)
    private static bool FailureIsAlwaysHit(List<FakeFunction> inventory, int failure, string strategy) => failure switch
    {
        2 => (strategy == "tagging" ? inventory.Count(f => f.Tags.ContainsKey(LambdaTags.Enabled)) : inventory.Count) > 4,
        3 or 4 => strategy == "list-functions",
        _ => false,
    };

    private async Task<SyncReport> SyncAndCheckAsync(Rig rig, List<FakeFunction> inventory, HashSet<string> goOwned, bool mustBeIncomplete)
    {
        using var seed = new ConsulSeed(fixture.Consul);
        var before = await seed.EverythingAsync();
        var ownedBefore = (await ConsulState.ReadAsync(fixture.Consul)).Services.Where(s => s.Owner == Inventories.Owner).Select(s => s.Name).ToList();

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);
        output.WriteLine($"  {report}");
        var incomplete = report.Problems.Any(p => p.Kind == PlanProblemKind.InventoryIncomplete);

        var after = await seed.EverythingAsync();
        var state = await ConsulState.ReadAsync(fixture.Consul);
        var claimed = report.Actions.Select(a => a.Action.Service.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in before)
        {
            var name = key.Split(' ', 2)[1].Split('/')[^1];
            var ours = value.Contains($"{Ownership.RegistratorIdKey}, {Inventories.Owner}]", StringComparison.Ordinal)
                       || value.Contains($"[{Ownership.RegistratorIdKey}, {Inventories.Owner}]", StringComparison.Ordinal);
            if (ours)
            {
                continue;
            }

            if (goOwned.Contains(name) && key.StartsWith("service ", StringComparison.Ordinal))
            {
                // Never deleted; rewritten only when adopted by an action of this sync for exactly that name.
                Assert.True(after.ContainsKey(key), $"Go-owned {key} was removed\n{report}");
                Assert.True(after[key] == value || claimed.Contains(name), $"Go-owned {key} changed without a claim\n{report}");
                continue;
            }

            if (goOwned.Contains(name) && claimed.Contains(name))
            {
                continue;
            }

            Assert.True(after.TryGetValue(key, out var now) && now == value, $"{key} is not ours but changed: {value} -> {(now ?? "removed")}\n{report}");
        }

        Assert.True(incomplete || !mustBeIncomplete, $"the injected failure was not reported as an incomplete inventory\n{report}");
        if (incomplete)
        {
            Assert.Equal(SyncOutcome.Failed, report.Outcome);
            Assert.DoesNotContain(report.Actions, a => a.Action.Kind == PlanActionKind.Deregister);
            Assert.All(ownedBefore, name => Assert.Contains(name, state.ServiceNames));
        }
        else
        {
            Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
            foreach (var function in inventory.Where(f => FunctionTagParser.Parse(f.Tags, enterprise: false) is EnabledTags))
            {
                Assert.True(
                    state.Services.Any(s => s.Name == function.Name && s.Owner == Inventories.Owner)
                    || report.Problems.Any(p => p.Service?.Name == function.Name),
                    $"{function.Name} is enabled but neither registered nor reported\n{report}");
            }

            Assert.DoesNotContain(state.Services, s => s.Owner == Inventories.Owner && !inventory.Any(f => f.Name == s.Name.Split('-')[0]));
        }

        return report;
    }
}
