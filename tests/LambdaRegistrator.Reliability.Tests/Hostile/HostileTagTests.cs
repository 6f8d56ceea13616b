using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Reliability.Tests.Infrastructure;

namespace LambdaRegistrator.Reliability.Tests.Hostile;

/// <summary>
/// Every tag set of tests/corpus/tags on a registered function ("victim", aliases live, canary and LIVE exist in AWS) next
/// to a healthy one ("bystander"), through a full sync and then a targeted sync: a bad value is reported and leaves the
/// victim's services exactly as they were; nothing of the bystander is touched; injection attempts stay data.
/// (FunctionTagParserTests prove the parser on values; this proves the engine end to end over HTTP.)
/// </summary>
public sealed class HostileTagTests(HostileFixture fixture) : IClassFixture<HostileFixture>
{
    private static readonly string[] Untouched = ["victim", "victim-live"];

    public static TheoryData<string, string[], PlanProblemKind?> Corpus => new()
    {
        { "enabled-maybe.json", Untouched, PlanProblemKind.InvalidTags },
        { "enabled-unicode-lookalike.json", Untouched, PlanProblemKind.InvalidTags },
        { "enabled-with-nul.json", Untouched, PlanProblemKind.InvalidTags },
        { "invocation-mode-bogus.json", Untouched, PlanProblemKind.InvalidTags },
        { "invocation-mode-json-injection.json", Untouched, PlanProblemKind.InvalidTags },
        { "payload-passthrough-bogus.json", Untouched, PlanProblemKind.InvalidTags },
        { "aliases-path-and-query.json", Untouched, PlanProblemKind.InvalidTags },
        { "aliases-only-digits.json", Untouched, PlanProblemKind.InvalidTags },
        { "aliases-comma-separated.json", Untouched, PlanProblemKind.InvalidTags },
        { "aliases-crlf.json", Untouched, PlanProblemKind.InvalidTags },
        { "datacenter-with-query.json", Untouched, PlanProblemKind.InvalidTags },
        { "partition-on-community-edition.json", Untouched, PlanProblemKind.EnterpriseTagsWithoutEnterprise },
        { "namespace-on-community-edition.json", Untouched, PlanProblemKind.EnterpriseTagsWithoutEnterprise },
        { "aliases-case-variants.json", Untouched, PlanProblemKind.DuplicateServiceName },
        { "enabled-upper-case.json", ["victim"], null },
        { "enabled-padded.json", ["victim"], null },
        { "aliases-empty-segments.json", ["victim", "victim-live"], null },
        { "unknown-opt-in-key.json", ["victim"], null },
        { "max-length-values.json", ["victim"], null },
        { "enabled-false.json", [], null },
        { "foreign-tags-only.json", [], null },
        // A syntactically valid datacenter that does not exist: the function asked to move there, so its registration leaves
        // dc1 (its global service-defaults entry stays for the new datacenter); the unreadable datacenter is reported
        // (and the invocation fails) until the tag is fixed.
        { "datacenter-unknown.json", [], PlanProblemKind.ScopeNotObserved },
    };

    [Fact]
    public void Corpus_EveryFile_HasAnExpectedOutcome()
    {
        var files = Directory.GetFiles(HostileFixture.CorpusPath("tags")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(Corpus.Select(row => (string)row[0]).Order(StringComparer.Ordinal), files);
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Sync_HostileTagSet_OnlyItsFunctionIsAffectedAndAsExpected(string file, string[] victimServices, PlanProblemKind? problem)
    {
        using var document = JsonDocument.Parse(await File.ReadAllBytesAsync(HostileFixture.CorpusPath("tags", file)));
        var hostile = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var bystander = FakeFunction.Of("bystander", TagSet.Enabled());
        fixture.Reset([FakeFunction.Of("victim", TagSet.Enabled("live"), "live", "canary", "LIVE"), bystander]);
        using var rig = await Rig.StartAsync(fixture.Aws.Endpoint, fixture.Consul);
        Assert.Equal(SyncOutcome.Succeeded, (await rig.Registrator.FullSyncAsync(dryRun: false)).Outcome);
        var before = await ConsulState.ReadAsync(fixture.Consul);
        fixture.Aws.Set([FakeFunction.Of("victim", hostile, "live", "canary", "LIVE"), bystander]);

        var full = await rig.Registrator.FullSyncAsync(dryRun: false);
        var afterFull = await ConsulState.ReadAsync(fixture.Consul);
        var targeted = await rig.Registrator.HandleEventAsync(SampleEvents.Load("tag-resource.json", "victim"), SyncContext.None, CancellationToken.None);
        var afterTargeted = await ConsulState.ReadAsync(fixture.Consul);

        foreach (var (report, state) in new[] { (full, afterFull), (targeted, afterTargeted) })
        {
            Assert.Equal(victimServices.Order(StringComparer.Ordinal), state.ServiceNames.Where(n => n.StartsWith("victim", StringComparison.Ordinal)));
            if (file == "datacenter-unknown.json")
            {
                // Config entries are global in a WAN federation: the function still wants its service-defaults entry
                // for the datacenter it moves to, so only its catalog registration leaves dc1.
                Assert.Equal(state.ServiceNames.Append("victim").Order(StringComparer.Ordinal), state.EntryNames.Order(StringComparer.Ordinal));
            }
            else
            {
                Assert.Equal(state.ServiceNames, state.EntryNames);
            }
            Assert.Equal(before.Entries.Single(e => e.Name == "bystander"), state.Entries.Single(e => e.Name == "bystander"));
            if (problem is { } kind)
            {
                var reported = Assert.Single(report.Problems.Where(p => p.Kind == kind).DistinctBy(p => p.Message));
                Assert.Contains("victim", reported.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.Empty(report.Problems);
            }
        }

        if (ReferenceEquals(victimServices, Untouched))
        {
            // Left exactly as it was: not rewritten, not deregistered.
            Assert.Equal(before.Entries, afterTargeted.Entries);
        }

        Assert.Empty(targeted.Actions);
    }
}
