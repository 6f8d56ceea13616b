using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaRegistrator.Metrics;

/// <summary>
/// Builds the one CloudWatch Embedded Metric Format record of an invocation: a JSON object whose <c>_aws</c> member
/// tells CloudWatch Logs which top-level members are metrics (namespace, dimension set <c>["Trigger"]</c>, and <c>["Trigger", "Source"]</c> on a record about one source of several; units),
/// with every value a top-level number. CloudWatch Logs turns it into metrics with no API call.
/// </summary>
/// <remarks>
/// EMF limits: at most 100 metrics per directive and 30 dimensions per set. The 18 <see cref="SyncMetrics"/> are on
/// every record (0 when nothing happened: the alarms' Minimum statistics depend on it); a per-kind problem metric
/// (<c>Problem&lt;Kind&gt;</c>, e.g. <c>ProblemMissingAlias</c>) only when that kind occurred, so kinds that never
/// occur create no metric. With 13 kinds the directive stays at 31 metrics at most.
/// </remarks>
public static class MetricRecord
{
    /// <summary>The default namespace (<c>METRICS_NAMESPACE</c> unset).</summary>
    public const string DefaultNamespace = "LambdaRegistrator";

    /// <summary>The dimension every record carries.</summary>
    public const string TriggerDimension = "Trigger";

    /// <summary>
    /// The second dimension of a record about one source of several (<c>ACCOUNT/REGION</c>): an event, a manual
    /// (de)registration, a sync of one source. A deployment with a single source never writes it; its values are the
    /// configured sources, so the cardinality stays that of SOURCES.
    /// </summary>
    public const string SourceDimension = "Source";

    /// <summary>The prefix of the per-kind problem metrics.</summary>
    public const string ProblemKindPrefix = "Problem";

    /// <summary>EMF's limit of metrics in one directive.</summary>
    public const int MaxMetrics = 100;

    /// <summary>EMF's limit of dimensions in one dimension set.</summary>
    public const int MaxDimensions = 30;

    /// <summary>The record of <paramref name="report"/> as one JSON line (no newline).</summary>
    /// <param name="report">The invocation's report (its trigger is the dimension value).</param>
    /// <param name="metricNamespace">The CloudWatch namespace (validated by <see cref="ValidateNamespace"/>).</param>
    /// <param name="timestamp">When the record was made; CloudWatch files the values at this time.</param>
    /// <param name="properties">Extra string members for correlation (request id, trace id...); null values are left out; never metrics.</param>
    public static string Build(SyncReport report, string metricNamespace, DateTimeOffset timestamp, IEnumerable<KeyValuePair<string, string?>>? properties = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(metricNamespace);
        var metrics = report.Metrics;
        var values = new List<(string Name, string Unit, double Value)>(SyncMetrics.Definitions.Count + 4);
        foreach (var (name, unit) in SyncMetrics.Definitions)
        {
            values.Add((name, unit, metrics.Value(name)));
        }

        foreach (var (kind, count) in (SyncMetrics.ProblemsByKind(report) ?? new Dictionary<string, int>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            values.Add((ProblemKindPrefix + kind, "Count", count));
        }

        var metadata = new EmfMetadata(
            timestamp.ToUnixTimeMilliseconds(),
            [new EmfDirective(
                metricNamespace,
                report.Source is null ? [[TriggerDimension]] : [[TriggerDimension], [TriggerDimension, SourceDimension]],
                [.. values.Take(MaxMetrics).Select(v => new EmfMetric(v.Name, v.Unit))])]);

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName("_aws");
            JsonSerializer.Serialize(writer, metadata, MetricRecordJsonContext.Default.EmfMetadata);
            writer.WriteString(TriggerDimension, report.Trigger.ToName());
            if (report.Source is not null)
            {
                writer.WriteString(SourceDimension, report.Source);
            }

            foreach (var (name, _, value) in values.Take(MaxMetrics))
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteString("outcome", report.Summary.Outcome);
            foreach (var (key, value) in properties ?? [])
            {
                if (value is not null && key != "_aws" && key != TriggerDimension && key != SourceDimension && !values.Any(v => v.Name == key))
                {
                    writer.WriteString(key, value);
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>
    /// Null when <paramref name="metricNamespace"/> is a namespace CloudWatch accepts (1-255 of letters, digits and
    /// <c>. - _ / # : space</c>, not starting with <c>AWS/</c> and not blank); otherwise what is wrong.
    /// </summary>
    public static string? ValidateNamespace(string metricNamespace)
    {
        ArgumentNullException.ThrowIfNull(metricNamespace);
        if (string.IsNullOrWhiteSpace(metricNamespace) || metricNamespace.Length > 255)
        {
            return "a CloudWatch namespace has 1 to 255 characters and is not blank";
        }

        if (metricNamespace.StartsWith("AWS/", StringComparison.Ordinal))
        {
            return "namespaces starting with \"AWS/\" are reserved for AWS services";
        }

        foreach (var c in metricNamespace)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '/' or '#' or ':' or ' '))
            {
                return $"'{c}' is not allowed; allowed: letters, digits and . - _ / # : and space";
            }
        }

        return null;
    }
}

/// <summary>The <c>_aws</c> member of an EMF record.</summary>
internal sealed record EmfMetadata(
    [property: JsonPropertyName("Timestamp")] long Timestamp,
    [property: JsonPropertyName("CloudWatchMetrics")] IReadOnlyList<EmfDirective> CloudWatchMetrics);

/// <summary>One metric directive: namespace, dimension sets (names of top-level string members), metrics (names of top-level numbers).</summary>
internal sealed record EmfDirective(
    [property: JsonPropertyName("Namespace")] string Namespace,
    [property: JsonPropertyName("Dimensions")] IReadOnlyList<IReadOnlyList<string>> Dimensions,
    [property: JsonPropertyName("Metrics")] IReadOnlyList<EmfMetric> Metrics);

/// <summary>A metric of a directive.</summary>
internal sealed record EmfMetric(
    [property: JsonPropertyName("Name")] string Name,
    [property: JsonPropertyName("Unit")] string Unit);

/// <summary>Source-generated JSON for the EMF directive.</summary>
[JsonSerializable(typeof(EmfMetadata))]
internal sealed partial class MetricRecordJsonContext : JsonSerializerContext;
