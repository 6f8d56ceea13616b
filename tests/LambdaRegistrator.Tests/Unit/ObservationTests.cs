using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>What is read from Consul before planning: a read Consul filtered by ACLs is never planned as complete, on any read path.</summary>
public sealed class ObservationTests
{
    private static readonly SyncContext Invocation = new($"arn:aws:lambda:{FakeLambdaApi.Region}:{FakeLambdaApi.Account}:function:registrator", "req-1");

    public static TheoryData<string, string> ReadPaths => new()
    {
        { "full sync", "scheduled-event.json" },
        { "targeted sync", "tag-resource.json" },
    };

    [Theory]
    [MemberData(nameof(ReadPaths))]
    public async Task HandleEvent_ConfigEntryListFilteredByAcls_NothingIsPlannedThereAndTheReportSaysWhy(string caseName, string file)
    {
        var h = new Harness();
        h.Lambda.Add("orders", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        h.Consul.FilterConfigEntryLists = true;
        using var registrator = h.Create();

        var report = await registrator.HandleEventAsync(SampleEvents.Load(file), Invocation, CancellationToken.None);

        Assert.True(h.Consul.Writes.Count == 0, $"{caseName}: wrote [{string.Join(", ", h.Consul.Writes)}] after an ACL-filtered read");
        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Contains(report.Errors, e => e.Contains("filtered the read", StringComparison.Ordinal) && e.Contains("by ACLs", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Kind == PlanProblemKind.ScopeNotObserved);
    }
}
