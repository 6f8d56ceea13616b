using LambdaRegistrator.Metrics;

namespace LambdaRegistrator.Function;

/// <summary>
/// Writes the invocation's Embedded Metric Format record to standard output, one line, whatever <c>LOG_LEVEL</c> says
/// (CloudWatch Logs extracts the metrics from it). It carries no <c>level</c> key, which Lambda's JSON log format files
/// as INFO.
/// </summary>
internal sealed class MetricsWriter(MetricsSettings settings, TextWriter output, TimeProvider time, string? functionName)
{
    private readonly Lock _gate = new();

    public MetricsSettings Settings => settings;

    public void Write(SyncReport report, InvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(context);
        if (!settings.Enabled)
        {
            return;
        }

        var line = MetricRecord.Build(
            report,
            settings.Namespace,
            time.GetUtcNow(),
            [
                new("function_name", functionName),
                new("function_request_id", context.AwsRequestId),
                new("xray_trace_id", Logging.LogContext.TraceRoot(context.TraceId)),
            ]);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
