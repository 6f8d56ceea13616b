using System.Text;
using System.Text.Json;
using LambdaRegistrator.Function.Runtime;
using LambdaRegistrator.Logging;
using LambdaRegistrator.TestKit.Lambda;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Function.Tests.Runtime;

/// <summary>The loop begins each invocation on the log context: the handler's lines and the host's own carry its keys.</summary>
public sealed class RuntimeLogKeysTests
{
    private const string Trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Fact]
    public async Task RunAsync_TwoInvocations_EveryLineCarriesItsRequestIdTraceIdAndColdStart()
    {
        await using var emulator = await LambdaRuntimeApiEmulator.StartAsync();
        using var output = new StringWriter();
        var context = new LogContext("registrator", "registrator", 512);
        var logger = new JsonLinesLogger(output, LogLevel.Information, null, context);
        var initializer = new TestInitializer((eventJson, _, _) =>
        {
            var text = Encoding.UTF8.GetString(eventJson.Span);
            KeyValuePair<string, object?>[] fields = [new("Event", text)];
            logger.Log(LogLevel.Information, default, fields, null, (_, _) => "handling " + text);
            return text == "\"throw\""
                ? throw new InvalidOperationException("a handler bug")
                : Task.FromResult(InvocationResult.Success("{}"u8.ToArray()));
        });
        var options = new RuntimeOptions
        {
            RuntimeApi = new Uri($"http://{emulator.RuntimeApi}/2018-06-01/"),
            Environment = _ => null,
        };
        using var shutdown = new CancellationTokenSource();
        var loop = new RuntimeLoop(options, new RuntimeLog(() => output, context), TimeProvider.System, context);
        var run = Task.Run(() => loop.RunAsync(initializer, shutdown.Token));

        var first = emulator.Enqueue("\"ok\"", traceId: Trace);
        await emulator.WaitForResultAsync(first, TestTimeout.Token());
        var second = emulator.Enqueue("\"throw\"");
        await emulator.WaitForResultAsync(second, TestTimeout.Token());
        await shutdown.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TestTimeout.Token()));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(3, lines.Count);
        var (handled, secondHandled, hostLine) = (lines[0], lines[1], lines[2]);
        Assert.Equal(first, handled.GetProperty("function_request_id").GetString());
        Assert.Equal("1-5759e988-bd862e3fe1be46a994272793", handled.GetProperty("xray_trace_id").GetString());
        Assert.Equal(emulator.InvokedFunctionArn, handled.GetProperty("function_arn").GetString());
        Assert.True(handled.GetProperty("cold_start").GetBoolean());
        Assert.Equal(second, secondHandled.GetProperty("function_request_id").GetString());
        Assert.False(secondHandled.TryGetProperty("xray_trace_id", out _));
        Assert.False(secondHandled.GetProperty("cold_start").GetBoolean());

        // The host's own line about the handler bug: same keys, its invocation's request id.
        Assert.Equal("ERROR", hostLine.GetProperty("level").GetString());
        Assert.Equal("lambda-runtime", hostLine.GetProperty("source").GetString());
        Assert.Equal(second, hostLine.GetProperty("function_request_id").GetString());
        Assert.Contains("a handler bug", hostLine.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.All(lines, l =>
        {
            Assert.Equal("registrator", l.GetProperty("service").GetString());
            Assert.Equal("registrator", l.GetProperty("function_name").GetString());
            Assert.True(l.TryGetProperty("timestamp", out _));
        });
    }
}
