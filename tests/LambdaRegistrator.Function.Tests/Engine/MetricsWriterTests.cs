using LambdaRegistrator.Metrics;
using LambdaRegistrator.TestKit.Metrics;

namespace LambdaRegistrator.Function.Tests.Engine;

public sealed class MetricsWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 18, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, string[], bool, string, string?> Settings => new()
    {
        { "defaults", [], true, "LambdaRegistrator", null },
        { "off", ["METRICS_ENABLED=false"], false, "LambdaRegistrator", null },
        { "on, any case, own namespace", ["METRICS_ENABLED=TRUE", "METRICS_NAMESPACE=Platform/Registrator"], true, "Platform/Registrator", null },
        { "not a boolean", ["METRICS_ENABLED=yes"], true, "LambdaRegistrator", "METRICS_ENABLED=\"yes\" is not valid; allowed: true or false" },
        { "reserved namespace", ["METRICS_NAMESPACE=AWS/Lambda"], true, "AWS/Lambda", "METRICS_NAMESPACE=\"AWS/Lambda\" is not valid: namespaces starting with \"AWS/\" are reserved" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Read_Variables_GiveSettingsOrNameTheVariable(string scenario, string[] variables, bool enabled, string metricNamespace, string? error)
    {
        _ = scenario;
        var environment = variables.Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        var errors = new List<string>();

        var settings = MetricsSettings.Read(environment.GetValueOrDefault, errors);

        Assert.Equal(enabled, settings.Enabled);
        Assert.Equal(metricNamespace, settings.Namespace);
        if (error is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(error, Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_Enabled_OneValidRecordLineWithTheInvocationsIds()
    {
        using var output = new StringWriter();
        var writer = new MetricsWriter(new MetricsSettings(true, "Ops"), output, new FixedTime(Now), "registrator");
        var report = new SyncReport { Trigger = SyncTrigger.FullSync, Requests = new RequestCounts(5, 1, 6, 2) };

        writer.Write(report, new InvocationContext("req-7", Now.AddSeconds(30), null, "Root=1-abc;Sampled=1"));

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var record = EmfRecord.Parse(line);
        Assert.Equal("Ops", record.Namespace);
        Assert.Equal(Now, record.Timestamp);
        Assert.Equal("full-sync", record.Dimension("Trigger"));
        Assert.Equal(5, record.Value("AwsRequests"));
        Assert.Equal(2, record.Value("ConsulRetries"));
        Assert.Equal("req-7", record.Root.GetProperty("function_request_id").GetString());
        Assert.Equal("1-abc", record.Root.GetProperty("xray_trace_id").GetString());
        Assert.Equal("registrator", record.Root.GetProperty("function_name").GetString());
    }

    [Fact]
    public void Write_Disabled_WritesNothing()
    {
        using var output = new StringWriter();
        var writer = new MetricsWriter(new MetricsSettings(false, "Ops"), output, new FixedTime(Now), null);

        writer.Write(new SyncReport { Trigger = SyncTrigger.FullSync }, new InvocationContext("req-7", Now, null, null));

        Assert.Equal(string.Empty, output.ToString());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
