using System.Text.Json;

namespace LambdaRegistrator.TestKit.Metrics;

/// <summary>
/// Reads a log line as CloudWatch Logs reads an Embedded Metric Format record, applying the specification's rules:
/// a root object with an <c>_aws</c> object holding an integer <c>Timestamp</c> (epoch ms) and a non-empty
/// <c>CloudWatchMetrics</c> array; each directive has a <c>Namespace</c> (1-255 characters), <c>Dimensions</c> (an
/// array of dimension sets, each an array of at most 30 names, every name a top-level member holding a string of at
/// most 1024 characters) and <c>Metrics</c> (at most 100, each with a <c>Name</c> of 1-255 characters that is a
/// top-level member holding a number or an array of at most 100 numbers, and an optional standard <c>Unit</c>).
/// </summary>
public sealed class EmfRecord
{
    private static readonly HashSet<string> Units = new(StringComparer.Ordinal)
    {
        "Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits",
        "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second",
        "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
        "Gigabits/Second", "Terabits/Second", "Count/Second", "None",
    };

    private EmfRecord(JsonElement root, string metricNamespace, DateTimeOffset timestamp, IReadOnlyList<IReadOnlyList<string>> dimensionSets, IReadOnlyDictionary<string, string?> units)
    {
        Root = root;
        Namespace = metricNamespace;
        Timestamp = timestamp;
        DimensionSets = dimensionSets;
        MetricUnits = units;
    }

    /// <summary>The whole record.</summary>
    public JsonElement Root { get; }

    /// <summary>The namespace of the (single) directive.</summary>
    public string Namespace { get; }

    /// <summary>When CloudWatch files the values.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The dimension sets of the directive.</summary>
    public IReadOnlyList<IReadOnlyList<string>> DimensionSets { get; }

    /// <summary>Metric name to unit (null when none was given).</summary>
    public IReadOnlyDictionary<string, string?> MetricUnits { get; }

    /// <summary>The metric names, in directive order.</summary>
    public IEnumerable<string> MetricNames => MetricUnits.Keys;

    /// <summary>The value of a metric.</summary>
    public double Value(string metric) => Root.GetProperty(metric).GetDouble();

    /// <summary>The value of a dimension.</summary>
    public string Dimension(string name) => Root.GetProperty(name).GetString()!;

    /// <summary>True when <paramref name="line"/> is a JSON object with an <c>_aws</c> member (CloudWatch then treats it as EMF).</summary>
    public static bool IsCandidate(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("_aws", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Parses and validates <paramref name="line"/>; throws <see cref="FormatException"/> naming the first broken rule.</summary>
    public static EmfRecord Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var root = JsonDocument.Parse(line).RootElement.Clone();
        Require(root.ValueKind == JsonValueKind.Object, "the record is not a JSON object");
        Require(root.TryGetProperty("_aws", out var aws) && aws.ValueKind == JsonValueKind.Object, "_aws is missing or not an object");
        long ms = -1;
        Require(aws.TryGetProperty(nameof(Timestamp), out var ts) && ts.ValueKind == JsonValueKind.Number && ts.TryGetInt64(out ms) && ms >= 0, "_aws.Timestamp is not a non-negative integer");
        Require(aws.TryGetProperty("CloudWatchMetrics", out var directives) && directives.ValueKind == JsonValueKind.Array && directives.GetArrayLength() > 0, "_aws.CloudWatchMetrics is not a non-empty array");
        Require(directives.GetArrayLength() == 1, "this reader expects exactly one directive");
        var directive = directives[0];
        Require(directive.ValueKind == JsonValueKind.Object, "a directive is not an object");
        Require(directive.TryGetProperty(nameof(Namespace), out var ns) && ns.ValueKind == JsonValueKind.String && ns.GetString()!.Length is >= 1 and <= 255, "Namespace is not a string of 1-255 characters");
        Require(directive.TryGetProperty("Dimensions", out var dimensions) && dimensions.ValueKind == JsonValueKind.Array, "Dimensions is not an array");
        var sets = new List<IReadOnlyList<string>>();
        foreach (var set in dimensions.EnumerateArray())
        {
            Require(set.ValueKind == JsonValueKind.Array, "a dimension set is not an array");
            Require(set.GetArrayLength() <= 30, "a dimension set has more than 30 dimensions");
            var names = new List<string>();
            foreach (var name in set.EnumerateArray())
            {
                Require(name.ValueKind == JsonValueKind.String, "a dimension name is not a string");
                var text = name.GetString()!;
                Require(root.TryGetProperty(text, out var value) && value.ValueKind == JsonValueKind.String, $"dimension {text} is not a top-level string member");
                Require(value.GetString()!.Length is >= 1 and <= 1024, $"dimension {text}'s value is empty or longer than 1024 characters");
                names.Add(text);
            }

            sets.Add(names);
        }

        Require(directive.TryGetProperty("Metrics", out var metrics) && metrics.ValueKind == JsonValueKind.Array, "Metrics is not an array");
        Require(metrics.GetArrayLength() <= 100, "more than 100 metrics in one directive");
        var units = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var metric in metrics.EnumerateArray())
        {
            Require(metric.TryGetProperty("Name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String, "a metric has no Name");
            var name = nameElement.GetString()!;
            Require(name.Length is >= 1 and <= 255, $"metric name {name} is not 1-255 characters");
            Require(units.TryAdd(name, null), $"metric {name} is listed twice");
            if (metric.TryGetProperty("Unit", out var unit))
            {
                Require(unit.ValueKind == JsonValueKind.String && Units.Contains(unit.GetString()!), $"metric {name} has an unknown unit");
                units[name] = unit.GetString();
            }

            Require(root.TryGetProperty(name, out var value), $"metric {name} is not a top-level member");
            Require(
                value.ValueKind == JsonValueKind.Number
                || (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() <= 100 && value.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number)),
                $"metric {name}'s value is not a number");
        }

        return new EmfRecord(root, ns.GetString()!, DateTimeOffset.FromUnixTimeMilliseconds(ms), sets, units);
    }

    private static void Require(bool condition, string rule)
    {
        if (!condition)
        {
            throw new FormatException("Not a valid Embedded Metric Format record: " + rule + ".");
        }
    }
}
