using System.Text.Json;
using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using static LambdaRegistrator.Core.Tests.Planning.Fx;

namespace LambdaRegistrator.Core.Tests.Planning;

/// <summary>
/// Properties over randomly generated (fixed seeds) inventories and Consul states: plan, apply, plan again is empty;
/// no step touches an object this registrator does not own or may not adopt; an incomplete inventory never deregisters;
/// a targeted sync only touches its own function.
/// </summary>
public sealed class PlannerPropertyTests
{
    private const string Other = "210987654321/eu-west-1";
    private static readonly string[] Names = ["f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f1-a", "f2-b"];
    private static readonly string[] AliasPool = ["a", "b", "c", "9"];

    public static TheoryData<string, int> Seeds
    {
        get
        {
            var data = new TheoryData<string, int>();
            for (var seed = 1; seed <= 400; seed++)
            {
                data.Add($"seed {seed}", seed);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CreatePlan_RandomStates_HoldsSafetyAndSteadyStateProperties(string caseName, int seed)
    {
        var random = new Random(seed);
        var options = RandomOptions(random);
        var inventory = RandomInventory(random, options);
        var desired = random.Next(10) < 3
            ? TargetedSync(random, inventory)
            : DesiredState.FullSync(inventory, isComplete: random.Next(5) != 0);
        var observed = RandomObserved(random, options, desired);

        var plan = Planner.CreatePlan(desired, observed, options);

        if (!desired.IsComplete)
        {
            Assert.DoesNotContain(plan.Actions, a => a.Kind == PlanActionKind.Deregister);
        }

        if (desired.Target is { } target)
        {
            Assert.All(plan.Actions, a => Assert.True(a.FunctionArn is not null && a.FunctionArn.SameFunctionAs(target), $"{caseName}: {a} is not about {target}"));
        }

        AssertOnlyOwnedOrAdoptableObjectsAreTouched(caseName, observed, plan, options);
        Assert.Equal(plan.Actions.Select(a => a.ToString()), Planner.CreatePlan(desired, observed, options).Actions.Select(a => a.ToString()));

        var after = PlanApplication.Apply(observed, plan);
        var again = Planner.CreatePlan(desired, after, options);
        Assert.True(again.IsEmpty, $"{caseName}: second plan not empty: [{string.Join(" | ", again.Actions)}] after [{string.Join(" | ", plan.Actions)}]");
    }

    private static void AssertOnlyOwnedOrAdoptableObjectsAreTouched(string caseName, ObservedState observed, Plan plan, PlanningOptions options)
    {
        var services = observed.Services.ToDictionary(s => s.Key);
        var entries = observed.ConfigEntries.ToDictionary(e => ConsulObjects.ServiceOf(e.Key));
        foreach (var action in plan.Actions)
        {
            var key = action.Service;
            services.TryGetValue(key, out var service);
            entries.TryGetValue(key, out var entry);
            foreach (var step in action.Steps)
            {
                switch (step)
                {
                    case PutConfigEntry put when entry is not null:
                        Assert.True(IsMine(entry.Entry.Meta, options) || (!entry.Entry.Meta.ContainsKey(Ownership.RegistratorIdKey) && ArnOf(entry.Entry) == ArnOf(put.Entry)),
                            $"{caseName}: {action} overwrites service-defaults it may not touch");
                        break;
                    case RegisterService when service is not null:
                        Assert.True(IsMine(service.Service.Meta, options) || (!service.Service.Meta.ContainsKey(Ownership.RegistratorIdKey) && service.Service.Tags.Contains(Ownership.ManagedTag)),
                            $"{caseName}: {action} overwrites a service it may not touch");
                        break;
                    case DeleteConfigEntry:
                        Assert.True(entry is not null && IsMine(entry.Entry.Meta, options), $"{caseName}: {action} deletes service-defaults it does not own");
                        break;
                    case DeregisterService:
                        Assert.True(service is not null && IsMine(service.Service.Meta, options), $"{caseName}: {action} deregisters a service it does not own");
                        break;
                }
            }
        }
    }

    private static bool IsMine(IReadOnlyDictionary<string, string> meta, PlanningOptions options) =>
        meta.TryGetValue(Ownership.RegistratorIdKey, out var owner) && owner == options.RegistratorId;

    private static string? ArnOf(ConfigEntry entry) =>
        ((ServiceDefaults)entry.Body).EnvoyExtensions.SelectMany(e => e.Arguments).Where(a => a.Key.Equals("arn", StringComparison.OrdinalIgnoreCase)).Select(a => a.Value.GetString()).FirstOrDefault()
        ?? entry.Meta.GetValueOrDefault(LegacyServiceDefaultsMeta.Arn);

    private static PlanningOptions RandomOptions(Random random) => new(Node, Home())
    {
        Enterprise = random.Next(4) == 0,
        Partitions = new HashSet<string>(["default", "ap1"], StringComparer.OrdinalIgnoreCase),
        Datacenter = random.Next(4) == 0 ? "dc1" : null,
        ServiceDefaultsFormat = random.Next(2) == 0 ? ServiceDefaultsFormat.EnvoyExtension : ServiceDefaultsFormat.LegacyMeta,
        ExtensionDataPrefix = random.Next(2) == 0 ? "/ext" : null,
    };

    private static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static List<FunctionInventoryEntry> RandomInventory(Random random, PlanningOptions options)
    {
        var inventory = new List<FunctionInventoryEntry>();
        foreach (var name in Names)
        {
            if (random.Next(4) == 0)
            {
                continue;
            }

            var kind = random.Next(10);
            Dictionary<string, string>? tags = kind switch
            {
                0 => null,
                1 => [],
                2 => TagSet("enabled", Pick(random, "false", "FALSE", "")),
                3 => TagSet("enabled", Pick(random, "yes", "true"), "invocation-mode", Pick(random, "bogus", "SYNC")),
                _ => EnabledTags(random, options),
            };
            IReadOnlyCollection<string>? aliases = random.Next(2) == 0 ? null : AliasPool.Where(_ => random.Next(2) == 0).ToArray();
            inventory.Add(new FunctionInventoryEntry(Arn(name), tags, aliases));
        }

        return inventory;
    }

    private static Dictionary<string, string> EnabledTags(Random random, PlanningOptions options)
    {
        var pairs = new List<string> { "enabled", Pick(random, "true", "TRUE", "True") };
        void Maybe(string key, params string[] values)
        {
            var value = Pick(random, values);
            if (value.Length > 0)
            {
                pairs.Add(key);
                pairs.Add(value);
            }
        }

        Maybe("invocation-mode", "", "SYNCHRONOUS", "asynchronous", "ASYNCHRONOUS");
        Maybe("payload-passthrough", "", "true", "FALSE");
        Maybe("datacenter", "", "", "dc1", "dc2");
        Maybe("aliases", "", "a", "a+b", "b+c", " c ++a", random.Next(8) == 0 ? "a+9" : "");
        if (options.Enterprise)
        {
            Maybe("partition", "", "ap1", "ap2");
            Maybe("namespace", "", "ns1");
        }
        else if (random.Next(20) == 0)
        {
            pairs.AddRange(["partition", "ap1"]);
        }

        return TagSet([.. pairs]);
    }

    private static DesiredState TargetedSync(Random random, List<FunctionInventoryEntry> inventory)
    {
        var target = Arn(Pick(random, Names));
        return DesiredState.ForFunction(target, inventory.FirstOrDefault(f => f.FunctionArn.Equals(target)));
    }

    private static ObservedState RandomObserved(Random random, PlanningOptions options, DesiredState desired)
    {
        var scopes = new List<ConsulScope>();
        if (options.Enterprise)
        {
            foreach (var partition in new[] { "default", "ap1", "ap2" })
            {
                scopes.Add(new ConsulScope(options.Datacenter, partition, "default"));
                scopes.Add(new ConsulScope(options.Datacenter, partition, "ns1"));
            }
        }
        else
        {
            foreach (var dc in options.Datacenter is null ? new[] { null, "dc1", "dc2" } : ["dc1", "dc2"])
            {
                scopes.Add(new ConsulScope(dc, null, null));
            }
        }

        var candidates = Names.Concat(Names.SelectMany(n => AliasPool.Select(a => $"{n}-{a}"))).Append("other0").Append("other1").Distinct().ToArray();
        var services = new List<ObservedService>();
        var entries = new List<ObservedConfigEntry>();
        var index = (ulong)random.Next(1, 1000);
        foreach (var name in candidates)
        {
            foreach (var scope in scopes)
            {
                if (random.Next(10) >= 2)
                {
                    continue;
                }

                var service = RandomService(random, name, scope);
                if (service is not null)
                {
                    services.Add(service);
                }

                var entry = RandomEntry(random, name, scope, index += (ulong)random.Next(1, 5));
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
        }

        var read = new HashSet<ConsulScope>(scopes);
        read.UnionWith(DesiredServices.RequiredScopes(desired, options));
        return new ObservedState([.. read], services, entries);
    }

    private static ObservedService? RandomService(Random random, string name, ConsulScope scope)
    {
        var owner = OwnerOf(random, name);
        return random.Next(7) switch
        {
            0 => new ObservedService(scope, new CatalogService(name, name, [Ownership.ManagedTag], OwnerMeta(owner))),
            1 => new ObservedService(scope, new CatalogService(name, name, Pick<string[]>(random, [], ["x"], [Ownership.ManagedTag, "x"]), OwnerMeta(owner))),
            2 => new ObservedService(scope, new CatalogService(name, name, [Ownership.ManagedTag], OwnerMeta(owner, Other))),
            3 => GoService(name, scope),
            4 => ForeignService(name, scope),
            5 => new ObservedService(scope, new CatalogService(name, name, [Ownership.ManagedTag],
                new Dictionary<string, string> { [Ownership.RegistratorIdKey] = Me, [Ownership.FunctionArnKey] = "garbage" })),
            _ => null,
        };
    }

    private static ObservedConfigEntry? RandomEntry(Random random, string name, ConsulScope scope, ulong index)
    {
        var owner = OwnerOf(random, name);
        var qualifier = name.Length > 3 && name[^2] == '-' && !Names.Contains(name) ? name[^1..] : null;
        var arn = qualifier is null ? Arn(owner).ToString() : $"{Arn(owner)}:{qualifier}";
        return random.Next(7) switch
        {
            0 => OwnedEntry(name, owner, index, qualifier, Pick(random, "synchronous", "asynchronous", "ASYNCHRONOUS"), scope: scope),
            1 => OwnedEntry(name, owner, index, qualifier, registratorId: Other, scope: scope),
            2 => GoEntry(name, arn, index, scope),
            3 => ForeignEntry(name, index, scope),
            4 => new ObservedConfigEntry(scope, Defaults(name, "http", new Dictionary<string, string>
            {
                [LegacyServiceDefaultsMeta.Enabled] = "true",
                [LegacyServiceDefaultsMeta.Arn] = arn,
            }), index),
            _ => null,
        };
    }

    // The function that owns an object named `name`: usually the one its name implies, sometimes another.
    private static string OwnerOf(Random random, string name)
    {
        if (random.Next(5) == 0)
        {
            return Pick(random, Names);
        }

        if (Names.Contains(name))
        {
            return name;
        }

        var dash = name.LastIndexOf('-');
        return dash > 0 && Names.Contains(name[..dash]) ? name[..dash] : Pick(random, Names);
    }

    [Fact]
    public void CreatePlan_TenThousandFunctions_PlansEveryOne()
    {
        var functions = Enumerable.Range(0, 10_000).Select(i => Enabled($"fn-{i}", "aliases", "live")).ToArray();
        var half = Planner.CreatePlan(Full(functions[..5_000]), Observed(), Options());
        var observed = PlanApplication.Apply(Observed(), half);

        var plan = Planner.CreatePlan(Full(functions), observed, Options());

        Assert.Equal(10_000, plan.Count(PlanActionKind.Register));
        Assert.Equal(10_000, plan.UnchangedServices);
        Assert.True(Planner.CreatePlan(Full(functions), PlanApplication.Apply(observed, plan), Options()).IsEmpty);
        Assert.Equal(JsonValueKind.String, Body(plan.Actions[0].Steps.OfType<PutConfigEntry>().Single()).EnvoyExtensions[0].Arguments["arn"].ValueKind);
    }
}
