using System.Text.Json;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Metrics;
using LambdaRegistrator.TestKit.Metrics;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>The invocation's numbers (a pure function of the report) and its Embedded Metric Format record.</summary>
public sealed class MetricsTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:123456789012:function:orders";
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 17, 0, 0, TimeSpan.Zero);

    private static PlanAction Action(PlanActionKind kind, string service) =>
        new(kind, new ServiceKey(null, null, null, service), LambdaArn.Parse(Arn), [], "test", null);

    private static ActionOutcome Outcome(PlanActionKind kind, string service, ActionStatus status) => new(Action(kind, service), status);

    private static PlanProblem Problem(PlanProblemKind kind) => new(kind, LambdaArn.Parse(Arn), null, kind.ToString());

    private static SyncReport Report(SyncTrigger trigger, ActionOutcome[] outcomes, PlanProblem[] problems, int unchanged = 0, bool dryRun = false) => new()
    {
        Trigger = trigger,
        DryRun = dryRun,
        Plan = new Plan([.. outcomes.Select(o => o.Action)], problems, unchanged, null),
        Actions = outcomes,
    };

    public static TheoryData<string, SyncReport, Dictionary<string, double>> Reports => new()
    {
        {
            "nothing happened: every metric 0",
            new SyncReport { Trigger = SyncTrigger.Ignored, Reason = "not a function change" },
            []
        },
        {
            "full sync: two registered, one update failed, one deregistration skipped, an invalid tag, a collision",
            Report(
                SyncTrigger.FullSync,
                [
                    Outcome(PlanActionKind.Register, "a", ActionStatus.Done),
                    Outcome(PlanActionKind.Register, "b", ActionStatus.Done),
                    Outcome(PlanActionKind.Update, "c", ActionStatus.Failed),
                    Outcome(PlanActionKind.Deregister, "d", ActionStatus.Skipped),
                ],
                [Problem(PlanProblemKind.InvalidTags), Problem(PlanProblemKind.NameCollision), Problem(PlanProblemKind.MissingAlias)],
                unchanged: 5) with { IncompleteSources = 1 },
            new()
            {
                ["ActionsPlanned"] = 4, ["ActionsSucceeded"] = 2, ["ActionsFailed"] = 1, ["ActionsSkipped"] = 1,
                ["Registered"] = 2, ["DriftRepaired"] = 2, ["Problems"] = 3, ["InvalidTags"] = 1, ["Collisions"] = 1,
                ["InventoryIncomplete"] = 1,
                // 5 unchanged + 2 registered + the update that failed (c still exists) + the deregistration not done (d).
                ["ManagedServices"] = 9,
            }
        },
        {
            "targeted sync: an update and a deregistration are not drift repairs",
            Report(
                SyncTrigger.TargetedSync,
                [Outcome(PlanActionKind.Update, "a", ActionStatus.Done), Outcome(PlanActionKind.Deregister, "a-live", ActionStatus.Done)],
                [Problem(PlanProblemKind.EnterpriseTagsWithoutEnterprise), Problem(PlanProblemKind.DuplicateServiceName)]),
            new()
            {
                ["ActionsPlanned"] = 2, ["ActionsSucceeded"] = 2, ["Updated"] = 1, ["Deregistered"] = 1, ["Problems"] = 2,
                ["InvalidTags"] = 1, ["Collisions"] = 1, ["ManagedServices"] = 1,
            }
        },
        {
            "dry run: what would change counts, nothing succeeded",
            Report(SyncTrigger.FullSync, [Outcome(PlanActionKind.Register, "a", ActionStatus.Planned)], [], unchanged: 1, dryRun: true),
            new() { ["ActionsPlanned"] = 1, ["Registered"] = 1, ["DriftRepaired"] = 1, ["ManagedServices"] = 2 }
        },
        {
            "duration and requests come from the report",
            new SyncReport
            {
                Trigger = SyncTrigger.FullSync,
                Duration = TimeSpan.FromMilliseconds(1234.9),
                Requests = new RequestCounts(AwsRequests: 7, AwsThrottles: 2, ConsulRequests: 11, ConsulRetries: 3),
            },
            new() { ["SyncDuration"] = 1234, ["AwsRequests"] = 7, ["AwsThrottles"] = 2, ["ConsulRequests"] = 11, ["ConsulRetries"] = 3 }
        },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public void Metrics_OfAReport_CountWhatHappenedAndZeroForTheRest(string scenario, SyncReport report, Dictionary<string, double> expected)
    {
        _ = scenario;

        var metrics = SyncMetrics.Of(report);

        Assert.Equal(18, SyncMetrics.Definitions.Count);
        foreach (var (name, _) in SyncMetrics.Definitions)
        {
            Assert.True(expected.GetValueOrDefault(name) == metrics.Value(name), $"{name}: expected {expected.GetValueOrDefault(name)}, got {metrics.Value(name)}");
        }
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public void Record_OfAReport_IsValidEmfWithEveryMetricTheTriggerDimensionAndTheSameValues(string scenario, SyncReport report, Dictionary<string, double> expected)
    {
        _ = scenario;

        var line = MetricRecord.Build(report, "Platform/Registrator", Now, [new("function_request_id", "req-1"), new("xray_trace_id", null)]);
        var record = EmfRecord.Parse(line);

        Assert.DoesNotContain('\n', line);
        Assert.Equal("Platform/Registrator", record.Namespace);
        Assert.Equal(Now, record.Timestamp);
        Assert.Equal([["Trigger"]], record.DimensionSets);
        Assert.Equal(report.Trigger.ToName(), record.Dimension("Trigger"));
        foreach (var (name, unit) in SyncMetrics.Definitions)
        {
            Assert.Equal(unit, record.MetricUnits[name]);
            Assert.Equal(expected.GetValueOrDefault(name), record.Value(name));
        }

        Assert.Equal("req-1", record.Root.GetProperty("function_request_id").GetString());
        Assert.False(record.Root.TryGetProperty("xray_trace_id", out _));
        Assert.False(record.Root.TryGetProperty("level", out _));
    }

    [Fact]
    public void Record_ProblemKinds_AddOneMetricPerKindThatOccurred()
    {
        var report = Report(SyncTrigger.FullSync, [], [Problem(PlanProblemKind.MissingAlias), Problem(PlanProblemKind.MissingAlias), Problem(PlanProblemKind.InvalidTags)]);

        var record = EmfRecord.Parse(MetricRecord.Build(report, MetricRecord.DefaultNamespace, Now));

        Assert.Equal(2, record.Value("ProblemMissingAlias"));
        Assert.Equal(1, record.Value("ProblemInvalidTags"));
        Assert.Equal(SyncMetrics.Definitions.Count + 2, record.MetricNames.Count());
        Assert.DoesNotContain("ProblemNameCollision", record.MetricNames);
    }

    [Fact]
    public void Record_EveryProblemKindAtOnce_StaysWithinEmfLimits()
    {
        var report = Report(SyncTrigger.FullSync, [], [.. Enum.GetValues<PlanProblemKind>().Select(Problem)]);

        var record = EmfRecord.Parse(MetricRecord.Build(report, MetricRecord.DefaultNamespace, Now));

        Assert.Equal(SyncMetrics.Definitions.Count + Enum.GetValues<PlanProblemKind>().Length, record.MetricNames.Count());
        Assert.True(record.MetricNames.Count() <= MetricRecord.MaxMetrics);
    }

    public static TheoryData<string, string?> Namespaces => new()
    {
        { "LambdaRegistrator", null },
        { "Platform/Lambda Registrator:prod#1", null },
        { "", "1 to 255 characters" },
        { "AWS/Lambda", "reserved" },
        { "bad$name", "'$' is not allowed" },
        { new string('n', 256), "1 to 255 characters" },
    };

    [Theory]
    [MemberData(nameof(Namespaces))]
    public void ValidateNamespace_AcceptsWhatCloudWatchAccepts(string metricNamespace, string? problem)
    {
        var found = MetricRecord.ValidateNamespace(metricNamespace);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Summary_CarriesTheMetricsAndTheDuration()
    {
        var report = new SyncReport { Trigger = SyncTrigger.FullSync, Duration = TimeSpan.FromMilliseconds(42), Requests = new RequestCounts(3, 1, 4, 0) };

        var summary = JsonDocument.Parse(report.ToJson()).RootElement;

        Assert.Equal(42, summary.GetProperty("durationMs").GetInt64());
        Assert.Equal(3, summary.GetProperty("metrics").GetProperty("AwsRequests").GetInt64());
        Assert.Equal(42, summary.GetProperty("metrics").GetProperty("SyncDuration").GetInt64());
        Assert.Equal(SyncMetrics.Definitions.Select(d => d.Name), summary.GetProperty("metrics").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData("{}", "_aws is missing")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"n","Dimensions":[["Trigger"]],"Metrics":[{"Name":"A","Unit":"Count"}]}]},"A":1}""", "dimension Trigger")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"n","Dimensions":[],"Metrics":[{"Name":"A","Unit":"Count"}]}]},"A":"1"}""", "not a number")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"n","Dimensions":[],"Metrics":[{"Name":"A","Unit":"Things"}]}]},"A":1}""", "unknown unit")]
    [InlineData("""{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"n","Dimensions":[],"Metrics":[{"Name":"B"}]}]},"A":1}""", "metric B is not a top-level member")]
    public void EmfReader_BrokenRecords_AreRefused(string line, string rule)
    {
        var error = Assert.Throws<FormatException>(() => EmfRecord.Parse(line));

        Assert.Contains(rule, error.Message, StringComparison.Ordinal);
    }
}
