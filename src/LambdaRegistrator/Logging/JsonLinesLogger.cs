using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Logging;

/// <summary>
/// A minimal <see cref="ILogger"/> that writes one JSON object per line (CloudWatch parses these into fields), with the
/// keys AWS Lambda Powertools writes: <c>{"level","message","timestamp","service","cold_start","function_name",
/// "function_memory_size","function_arn","function_request_id","xray_trace_id","event",...structured fields...,"error"}</c>.
/// The Lambda keys come from the <see cref="LogContext"/> (per invocation: <see cref="LogContext.BeginInvocation"/>) and
/// are left out when unknown; outside Lambda (the CLI) a line has only <c>level</c>, <c>message</c>, <c>timestamp</c>,
/// <c>service</c> and ours. Thread-safe; no scopes.
/// </summary>
/// <remarks>Why: Microsoft.Extensions.Logging.Console pulls in configuration and options packages and is not trim-clean
/// without work; the abstractions plus this writer are all the registrator needs.</remarks>
public sealed class JsonLinesLogger : ILogger
{
    private const string OriginalFormatKey = "{OriginalFormat}";

    /// <summary>Keys the line itself owns; a structured field with one of these names is not written.</summary>
    private static readonly HashSet<string> ReservedKeys = new(StringComparer.Ordinal)
    {
        OriginalFormatKey, "level", "message", "timestamp", "service", "cold_start", "function_name", "function_memory_size",
        "function_arn", "function_request_id", "xray_trace_id", "event", "error",
    };

    private readonly TextWriter _output;
    private readonly LogContext _context;
    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a logger writing lines to <paramref name="output"/> at <paramref name="minimum"/> and above.</summary>
    /// <param name="output">Where the lines go.</param>
    /// <param name="minimum">The lowest level written (<c>LOG_LEVEL</c>).</param>
    /// <param name="timeProvider">The clock of <c>timestamp</c>.</param>
    /// <param name="context">The process and invocation keys; null for <see cref="LogContext.None"/> (no Lambda keys).</param>
    public JsonLinesLogger(TextWriter output, LogLevel minimum, TimeProvider? timeProvider = null, LogContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _context = context ?? LogContext.None;
        _minimum = minimum;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= _minimum;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("level", LevelName(logLevel));
            writer.WriteString("message", formatter(state, exception));
            writer.WriteString("timestamp", _time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            WriteContext(writer);
            if (!string.IsNullOrEmpty(eventId.Name))
            {
                writer.WriteString("event", eventId.Name);
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (!ReservedKeys.Contains(key))
                    {
                        WriteValue(writer, key, value);
                    }
                }
            }

            if (exception is not null)
            {
                writer.WriteString("error", $"{exception.GetType().Name}: {exception.Message}");
            }

            writer.WriteEndObject();
        }

        var line = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        lock (_gate)
        {
            _output.WriteLine(line);
            _output.Flush();
        }
    }

    /// <summary>Maps the registrator's <c>LOG_LEVEL</c> to a minimum <see cref="LogLevel"/>.</summary>
    public static LogLevel ToLogLevel(Core.Configuration.RegistratorLogLevel level) => level switch
    {
        Core.Configuration.RegistratorLogLevel.Trace => LogLevel.Trace,
        Core.Configuration.RegistratorLogLevel.Debug => LogLevel.Debug,
        Core.Configuration.RegistratorLogLevel.Warn => LogLevel.Warning,
        Core.Configuration.RegistratorLogLevel.Error => LogLevel.Error,
        _ => LogLevel.Information,
    };

    /// <summary>
    /// The <c>level</c> value: the names Lambda's log-level filtering and Powertools use (TRACE, DEBUG, INFO, WARN,
    /// ERROR, FATAL), so a line is filtered at the level it was written at.
    /// </summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private void WriteContext(Utf8JsonWriter writer)
    {
        writer.WriteString("service", _context.Service);
        if (!_context.InLambda)
        {
            return;
        }

        var invocation = LogContext.CurrentInvocation;
        writer.WriteBoolean("cold_start", _context.ColdStart);
        WriteIfKnown(writer, "function_name", _context.FunctionName);
        if (_context.FunctionMemorySize is { } memory)
        {
            writer.WriteNumber("function_memory_size", memory);
        }

        WriteIfKnown(writer, "function_arn", invocation?.FunctionArn);
        WriteIfKnown(writer, "function_request_id", invocation?.RequestId);
        WriteIfKnown(writer, "xray_trace_id", invocation?.XRayTraceId);
    }

    private static void WriteIfKnown(Utf8JsonWriter writer, string key, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(key, value);
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNull(key);
                break;
            case string text:
                writer.WriteString(key, text);
                break;
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            case int number:
                writer.WriteNumber(key, number);
                break;
            case long number:
                writer.WriteNumber(key, number);
                break;
            case ulong number:
                writer.WriteNumber(key, number);
                break;
            case double number:
                writer.WriteNumber(key, number);
                break;
            case SyncSummary summary:
                // Why nested: metric filters and Logs Insights read $.summary.failed; an escaped string cannot be queried.
                writer.WritePropertyName(key);
                JsonSerializer.Serialize(writer, summary, SyncSummaryJsonContext.Default.SyncSummary);
                break;
            case TimeSpan span:
                writer.WriteNumber(key, (long)span.TotalMilliseconds);
                break;
            case DateTimeOffset moment:
                writer.WriteString(key, moment.ToString("O", CultureInfo.InvariantCulture));
                break;
            case IFormattable formattable:
                writer.WriteString(key, formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteString(key, value.ToString());
                break;
        }
    }
}
