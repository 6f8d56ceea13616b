using LambdaRegistrator.Core.Planning;
using ServiceDefaultsEntry = LambdaRegistrator.Consul.ConfigEntries.ServiceDefaultsEntry;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>The plan executor: check-and-set races, failure isolation, the deadline.</summary>
public sealed class ExecutionTests
{
    [Fact]
    public async Task Execute_CasLostToAnOwnedWrite_ReReadsReplansAndConverges()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        var raced = false;
        h.Consul.BeforeConfigWrite = name =>
        {
            if (!raced && name == "a")
            {
                raced = true;
                h.Consul.PutEntryDirectly(new ServiceDefaultsEntry
                {
                    Name = "a",
                    Protocol = "tcp",
                    Meta = new Dictionary<string, string> { [Ownership.RegistratorIdKey] = Harness.RegistratorId, [Ownership.FunctionArnKey] = FakeLambdaApi.ArnOf("a") },
                });
            }
        };
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        var outcome = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.Done, outcome.Status);
        Assert.Equal(1, outcome.CasRetries);
        Assert.Equal("http", h.Consul.Entries["a"].Protocol);
        Assert.Equal(["set a (cas lost)", "set a", "register a"], h.Consul.Writes);
        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
    }

    [Fact]
    public async Task Execute_CasLostToAForeignEntry_ReportsTheCollisionAndDoesNotOverwrite()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Lambda.Add("b", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        h.Consul.BeforeConfigWrite = name =>
        {
            if (name == "a" && !h.Consul.Entries.ContainsKey("a"))
            {
                h.Consul.PutEntryDirectly(new ServiceDefaultsEntry { Name = "a", Protocol = "grpc" });
            }
        };
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        var failed = Assert.Single(report.Actions, a => a.Status == ActionStatus.Failed);
        Assert.Equal("a", failed.Action.Service.Name);
        Assert.Contains("not written by a Lambda registrator", failed.Message, StringComparison.Ordinal);
        Assert.Equal("grpc", h.Consul.Entries["a"].Protocol);
        Assert.False(h.Consul.Services.ContainsKey("a"));
        Assert.True(h.Consul.Services.ContainsKey("b"));
        Assert.Equal(SyncOutcome.Failed, report.Outcome);
    }

    [Fact]
    public async Task Execute_CasKeepsLosing_FailsAfterTheBoundedRetries()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        var protocols = new[] { "tcp", "grpc", "http2", "tcp", "grpc", "http2" };
        var races = 0;
        h.Consul.BeforeConfigWrite = _ => h.Consul.PutEntryDirectly(new ServiceDefaultsEntry
        {
            Name = "a",
            Protocol = protocols[races++ % protocols.Length],
            Meta = new Dictionary<string, string> { [Ownership.RegistratorIdKey] = Harness.RegistratorId, [Ownership.FunctionArnKey] = FakeLambdaApi.ArnOf("a") },
        });
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        var outcome = Assert.Single(report.Actions);
        Assert.Equal(ActionStatus.Failed, outcome.Status);
        Assert.Equal(4, outcome.CasRetries);
        Assert.Contains("check-and-set", outcome.Message, StringComparison.Ordinal);
        Assert.False(h.Consul.Services.ContainsKey("a"));
    }

    [Fact]
    public async Task Execute_OneRegistrationFails_TheOthersAreStillWrittenAndTheSyncFails()
    {
        var h = new Harness();
        foreach (var name in new[] { "a", "b", "c" })
        {
            h.Lambda.Add(name, Harness.Enabled());
        }

        h.Tagging.MirrorFrom(h.Lambda);
        h.Consul.FailRegister.Add("b");
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(["a", "c"], h.Consul.Services.Keys.Order(StringComparer.Ordinal));
        var failed = Assert.Single(report.Actions, a => a.Status == ActionStatus.Failed);
        Assert.Equal("b", failed.Action.Service.Name);
        Assert.Contains("catalog register \"b\" failed", failed.Message, StringComparison.Ordinal);
        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Equal(1, report.Summary.Failed);
        Assert.Equal(2, report.Summary.Done);
        Assert.Single(report.Summary.Failures!);
    }

    [Fact]
    public async Task Execute_DeadlineFiresDuringWrites_NoNewActionStartsAndTheRestAreSkipped()
    {
        var h = new Harness();
        foreach (var name in new[] { "a", "b", "c" })
        {
            h.Lambda.Add(name, Harness.Enabled());
        }

        h.Tagging.MirrorFrom(h.Lambda);
        using var deadline = new CancellationTokenSource();
        h.Consul.AfterWrite = write =>
        {
            if (write == "register a")
            {
                deadline.Cancel();
            }
        };
        using var registrator = h.Create(("MAX_CONCURRENCY", "1"));

        var report = await registrator.FullSyncAsync(dryRun: false, cancellationToken: deadline.Token);

        Assert.Equal(["set a", "register a"], h.Consul.Writes);
        Assert.Equal([ActionStatus.Done, ActionStatus.Skipped, ActionStatus.Skipped], report.Actions.Select(a => a.Status));
        Assert.Equal(SyncOutcome.DeadlineReached, report.Outcome);
        Assert.Equal(2, report.Summary.Skipped);
    }

    [Fact]
    public async Task FullSync_DeadlineAlreadyPassed_WritesNothing()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create();

        var report = await registrator.FullSyncAsync(dryRun: false, cancellationToken: new CancellationToken(canceled: true));

        Assert.Empty(h.Consul.Writes);
        Assert.True(report.DeadlineReached);
        Assert.Equal(SyncOutcome.DeadlineReached, report.Outcome);
    }
}
