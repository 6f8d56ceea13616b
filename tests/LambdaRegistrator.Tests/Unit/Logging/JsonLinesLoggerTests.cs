using System.Text.Json;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Tests.Unit.Logging;

/// <summary>The JSON-lines format: Powertools keys on every line, the summary as a nested object, LOG_LEVEL, overlapping invocations.</summary>
public sealed class JsonLinesLoggerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 21, 4, 17, 123, TimeSpan.Zero);
    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false };

    public static TheoryData<string, LogLevel, string> Levels => new()
    {
        { "trace", LogLevel.Trace, "TRACE" },
        { "debug", LogLevel.Debug, "DEBUG" },
        { "info", LogLevel.Information, "INFO" },
        { "warn", LogLevel.Warning, "WARN" },
        { "error", LogLevel.Error, "ERROR" },
        { "critical", LogLevel.Critical, "FATAL" },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Log_OutsideLambda_WritesLevelMessageTimestampServiceAndOurFieldsOnly(string caseName, LogLevel level, string expected)
    {
        using var output = new StringWriter();
        var logger = new JsonLinesLogger(output, LogLevel.Trace, new FakeTimeProvider(Now));

        var fields = Fields(("Count", 3));
        logger.Log(level, new EventId(7, "Sample"), fields, null, (_, _) => "three things");

        var line = SingleLine(output);
        Assert.Equal(
            ["level", "message", "timestamp", "service", "event", "Count"],
            line.EnumerateObject().Select(p => p.Name));
        Assert.True(expected == line.GetProperty("level").GetString(), caseName);
        Assert.Equal("three things", line.GetProperty("message").GetString());
        Assert.Equal("2026-12-07T21:04:17.123Z", line.GetProperty("timestamp").GetString());
        Assert.Equal(LogContext.DefaultService, line.GetProperty("service").GetString());
        Assert.Equal(3, line.GetProperty("Count").GetInt32());
    }

    [Fact]
    public void Log_InAnInvocation_CarriesEveryPowertoolsKey()
    {
        using var output = new StringWriter();
        var context = new LogContext("registrator-prod", "registrator-prod", 256);
        var logger = new JsonLinesLogger(output, LogLevel.Information, new FakeTimeProvider(Now), context);

        using (context.BeginInvocation("req-1", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", "arn:aws:lambda:us-east-1:123456789012:function:registrator-prod"))
        {
            Log.EventIgnored(logger, "not for us");
        }

        var line = SingleLine(output);
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("Event ignored: not for us", line.GetProperty("message").GetString());
        Assert.Equal("registrator-prod", line.GetProperty("service").GetString());
        Assert.True(line.GetProperty("cold_start").GetBoolean());
        Assert.Equal("registrator-prod", line.GetProperty("function_name").GetString());
        Assert.Equal(256, line.GetProperty("function_memory_size").GetInt32());
        Assert.Equal("arn:aws:lambda:us-east-1:123456789012:function:registrator-prod", line.GetProperty("function_arn").GetString());
        Assert.Equal("req-1", line.GetProperty("function_request_id").GetString());
        Assert.Equal("1-5759e988-bd862e3fe1be46a994272793", line.GetProperty("xray_trace_id").GetString());
        Assert.Equal("EventIgnored", line.GetProperty("event").GetString());
        Assert.Equal("not for us", line.GetProperty("Reason").GetString());
    }

    [Fact]
    public void Log_InitThenTwoInvocations_ColdStartOnlyUntilTheFirstInvocationEnds()
    {
        using var output = new StringWriter();
        var context = new LogContext("svc", "fn");
        var logger = new JsonLinesLogger(output, LogLevel.Information, new FakeTimeProvider(Now), context);

        Log.EventIgnored(logger, "init");
        using (context.BeginInvocation("req-1", null, null))
        {
            Log.EventIgnored(logger, "first");
        }

        using (context.BeginInvocation("req-2", null, null))
        {
            Log.EventIgnored(logger, "second");
        }

        Log.EventIgnored(logger, "between");

        var lines = Lines(output);
        Assert.Equal([true, true, false, false], lines.Select(l => l.GetProperty("cold_start").GetBoolean()));
        Assert.Equal([null, "req-1", "req-2", null], lines.Select(l => l.TryGetProperty("function_request_id", out var id) ? id.GetString() : null));
        Assert.All(lines, l => Assert.False(l.TryGetProperty("xray_trace_id", out _)));
    }

    [Fact]
    public void SyncFinished_Summary_IsANestedObjectWithTheDuration()
    {
        using var output = new StringWriter();
        var logger = new JsonLinesLogger(output, LogLevel.Information, new FakeTimeProvider(Now));
        var summary = new SyncSummary { Outcome = "failed", Trigger = "full-sync", Done = 4, Failed = 2, DurationMs = 1234, Failures = ["register orders: denied"] };

        Log.SyncFinished(logger, summary);

        var line = SingleLine(output);
        var nested = line.GetProperty("summary");
        Assert.Equal(JsonValueKind.Object, nested.ValueKind);
        Assert.Equal(2, nested.GetProperty("failed").GetInt32());
        Assert.Equal(1234, nested.GetProperty("durationMs").GetInt64());
        Assert.Equal("full-sync", nested.GetProperty("trigger").GetString());
        Assert.Equal("register orders: denied", nested.GetProperty("failures")[0].GetString());
        Assert.StartsWith("Sync finished: full-sync failed: 4 done, 2 failed", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Log_BelowTheMinimum_WritesNothing()
    {
        using var output = new StringWriter();
        var logger = new JsonLinesLogger(output, JsonLinesLogger.ToLogLevel(Core.Configuration.RegistratorLogLevel.Warn), new FakeTimeProvider(Now));

        Log.Retrying(logger, "Consul GET /v1/catalog/services", 1, TimeSpan.FromMilliseconds(150), "HTTP 429");
        Log.EventIgnored(logger, "info is below warn");
        Log.EventRejected(logger, "warn is written");

        Assert.Equal(["WARN"], Lines(output).Select(l => l.GetProperty("level").GetString()));
    }

    [Fact]
    public void Log_FieldNamedLikeALineKey_IsNotWrittenTwice()
    {
        using var output = new StringWriter();
        var context = new LogContext("svc", "fn");
        var logger = new JsonLinesLogger(output, LogLevel.Information, new FakeTimeProvider(Now), context);

        using (context.BeginInvocation("req-1", null, null))
        {
            var fields = Fields(("service", "other"), ("function_request_id", "forged"), ("level", "x"));
            logger.Log(LogLevel.Information, default, fields, null, (_, _) => "m");
        }

        var line = SingleLine(output);
        Assert.Equal("svc", line.GetProperty("service").GetString());
        Assert.Equal("req-1", line.GetProperty("function_request_id").GetString());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
    }

    [Fact]
    public async Task Log_OverlappingInvocations_EachLineCarriesItsOwnInvocationsIds()
    {
        using var output = new StringWriter();
        var context = new LogContext("svc", "fn");
        var logger = new JsonLinesLogger(output, LogLevel.Information, new FakeTimeProvider(Now), context);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Both invocations are begun before either logs, and their lines interleave (also from parallel work inside each).
        async Task InvokeAsync(string id, TaskCompletionSource started, TaskCompletionSource other)
        {
            await Task.Yield();
            using var invocation = context.BeginInvocation(id, $"Root=1-{id}-trace;Sampled=1", null);
            started.SetResult();
            await other.Task;
            await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
            {
                await Task.Yield();
                Log.EventIgnored(logger, $"{id} part {i}");
            }));
            Log.EventIgnored(logger, $"{id} done");
        }

        await Task.WhenAll(InvokeAsync("a", firstStarted, secondStarted), InvokeAsync("b", secondStarted, firstStarted));

        var lines = Lines(output);
        Assert.Equal(10, lines.Count);
        Assert.All(lines, line =>
        {
            var id = line.GetProperty("Reason").GetString()![..1];
            Assert.Equal(id, line.GetProperty("function_request_id").GetString());
            Assert.Equal($"1-{id}-trace", line.GetProperty("xray_trace_id").GetString());
        });
        Assert.Single(lines.Select(l => (l.GetProperty("function_request_id").GetString(), l.GetProperty("cold_start").GetBoolean())).Distinct(), p => p.Item2);
        Assert.Null(LogContext.CurrentInvocation);
    }

    public static TheoryData<string, string?, string?> TraceHeaders => new()
    {
        { "full header", "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1", "1-5759e988-bd862e3fe1be46a994272793" },
        { "root not first", "Sampled=0;Root=1-abc", "1-abc" },
        { "bare trace id", "1-5759e988-bd862e3fe1be46a994272793", "1-5759e988-bd862e3fe1be46a994272793" },
        { "no root", "Parent=53995c3f42cd8ad8;Sampled=1", null },
        { "empty", "", null },
        { "absent", null, null },
    };

    [Theory]
    [MemberData(nameof(TraceHeaders))]
    public void TraceRoot_Header_GivesTheTraceId(string caseName, string? header, string? expected) =>
        Assert.True(expected == LogContext.TraceRoot(header), caseName);

    public static TheoryData<string, string[], string, string?, int?> Environments => new()
    {
        { "the module sets the service name", ["POWERTOOLS_SERVICE_NAME=platform-registrator", "AWS_LAMBDA_FUNCTION_NAME=fn", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE=512"], "platform-registrator", "fn", 512 },
        { "no service name: the function's", ["AWS_LAMBDA_FUNCTION_NAME=fn"], "fn", "fn", null },
        { "not in Lambda", [], LogContext.DefaultService, null, null },
    };

    [Theory]
    [MemberData(nameof(Environments))]
    public void FromEnvironment_Variables_GiveTheProcessKeys(string caseName, string[] variables, string service, string? functionName, int? memory)
    {
        var environment = variables.Select(v => v.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        var context = LogContext.FromEnvironment(environment.GetValueOrDefault);

        Assert.Equal(service, context.Service);
        Assert.Equal(functionName, context.FunctionName);
        Assert.True(memory == context.FunctionMemorySize, caseName);
    }

    private static KeyValuePair<string, object?>[] Fields(params (string Key, object? Value)[] fields) =>
        [.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value))];

    private static List<JsonElement> Lines(StringWriter output) =>
        [.. output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l, Strict).RootElement.Clone())];

    private static JsonElement SingleLine(StringWriter output) => Assert.Single(Lines(output));
}
