using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Logging;

/// <summary>
/// A minimal <see cref="ILogger"/> that writes one JSON object per line (CloudWatch parses these into fields):
/// <c>{"time","level","event","message",...structured fields...,"error"}</c>. Thread-safe; no scopes.
/// </summary>
/// <remarks>Why: Microsoft.Extensions.Logging.Console pulls in configuration and options packages and is not trim-clean
/// without work; the abstractions plus this writer are all the registrator needs.</remarks>
public sealed class JsonLinesLogger : ILogger
{
    private const string OriginalFormatKey = "{OriginalFormat}";
    private readonly TextWriter _output;
    private readonly LogLevel _minimum;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>Creates a logger writing lines to <paramref name="output"/> at <paramref name="minimum"/> and above.</summary>
    public JsonLinesLogger(TextWriter output, LogLevel minimum, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
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
            writer.WriteString("time", _time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("level", LevelName(logLevel));
            if (!string.IsNullOrEmpty(eventId.Name))
            {
                writer.WriteString("event", eventId.Name);
            }

            writer.WriteString("message", formatter(state, exception));
            if (state is IReadOnlyList<KeyValuePair<string, object?>> fields)
            {
                foreach (var (key, value) in fields)
                {
                    if (key == OriginalFormatKey || key is "time" or "level" or "event" or "message" or "error")
                    {
                        continue;
                    }

                    WriteValue(writer, key, value);
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

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };

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
