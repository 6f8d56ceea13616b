using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>
/// One registrator serving several invocations at once (Lambda's multi-concurrency execution environments, a CLI
/// running syncs in parallel): full and targeted syncs overlap, learn the account and the agent's datacenter at the
/// same time, race on the same config entries, and still converge without corrupting anything.
/// </summary>
public sealed class ConcurrentInvocationTests
{
    private static readonly SyncContext Invocation = new($"arn:aws:lambda:{FakeLambdaApi.Region}:{FakeLambdaApi.Account}:function:registrator", "req");

    [Fact]
    public async Task HandleEvent_FullAndTargetedSyncsAtOnce_EveryRunSucceedsAndConsulConverges()
    {
        var h = new Harness();
        var names = Enumerable.Range(0, 12).Select(i => $"fn-{i:00}").ToList();
        foreach (var name in names)
        {
            var aliased = names.IndexOf(name) % 3 == 0;
            h.Lambda.Add(name, aliased ? Harness.Enabled(("aliases", "live")) : Harness.Enabled(), aliased ? ["live"] : []);
        }

        h.Lambda.Add("off", new Dictionary<string, string> { [LambdaTags.Enabled] = "false" });
        h.Tagging.MirrorFrom(h.Lambda);

        // No AWS_ACCOUNT_ID: every invocation learns the account from its invoked ARN at the same time.
        using var registrator = h.Create(account: null, ("MAX_CONCURRENCY", "4"), ("CONSUL_EXTENSION_DATA_PREFIX", "/ext"));
        var invocations = new List<Func<Task<SyncReport>>>();
        for (var round = 0; round < 3; round++)
        {
            invocations.Add(() => registrator.HandleEventAsync(SampleEvents.Load("scheduled-event.json"), Invocation, CancellationToken.None));
            foreach (var name in names)
            {
                invocations.Add(() => registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", name), Invocation, CancellationToken.None));
            }
        }

        var reports = await Task.WhenAll(invocations.Select(invoke => Task.Run(invoke)));

        Assert.All(reports, r => Assert.True(r.Outcome == SyncOutcome.Succeeded, r.ToString()));
        var expected = names.Concat(names.Where((_, i) => i % 3 == 0).Select(n => n + "-live")).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected, h.Consul.Entries.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, service) in h.Consul.Services)
        {
            var function = name.EndsWith("-live", StringComparison.Ordinal) ? name[..^5] : name;
            Assert.Equal(Harness.RegistratorId, service.Meta[Ownership.RegistratorIdKey]);
            Assert.Equal(FakeLambdaApi.ArnOf(function), service.Meta[Ownership.FunctionArnKey]);
            Assert.Equal(FakeLambdaApi.ArnOf(function) + (name == function ? string.Empty : ":live"), FakeConsulClient.ArnArgument(h.Consul.Entries[name]));
        }

        Assert.Equal(expected.Select(n => "/ext/default/default/" + n), h.Parameters.Values.Keys.Order(StringComparer.Ordinal));
        var again = await registrator.FullSyncAsync(dryRun: false, Invocation);
        Assert.True(again.Plan!.IsEmpty, string.Join(", ", again.Plan.Actions));
        Assert.Equal(expected.Count, again.Plan.UnchangedServices);
    }
}
