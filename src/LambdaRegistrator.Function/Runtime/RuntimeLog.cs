using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>
/// Writes the host's own rare messages (init failures, Runtime API trouble) as JSON lines with the same keys as the
/// engine's (<see cref="JsonLinesLogger"/>), plus <c>"source":"lambda-runtime"</c>; written whatever <c>LOG_LEVEL</c> says.
/// </summary>
internal sealed class RuntimeLog(Func<TextWriter> output, LogContext context, TimeProvider? time = null)
{
    private static readonly KeyValuePair<string, object?>[] Fields = [new("source", "lambda-runtime")];
    private readonly Lazy<JsonLinesLogger> _logger = new(() => new JsonLinesLogger(output(), LogLevel.Trace, time, context));

    /// <summary>Stdout, opened on first use so a healthy cold start never pays for the console.</summary>
    public static RuntimeLog Console { get; } = new(() => System.Console.Out, LogContext.Process);

    public void Error(string message) => Write(LogLevel.Error, message);

    public void Warning(string message) => Write(LogLevel.Warning, message);

    private void Write(LogLevel level, string message) =>
        _logger.Value.Log(level, default, Fields, null, (_, _) => message);
}
