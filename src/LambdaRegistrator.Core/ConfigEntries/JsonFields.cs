using System.Buffers;
using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// Reads and builds the fields of a config entry as standalone JSON values, without reflection. Field names are matched
/// case-insensitively on read, as Consul's Go decoder does; values are cloned so they outlive the document they came from.
/// </summary>
public static class JsonFields
{
    /// <summary>No fields.</summary>
    public static IReadOnlyDictionary<string, JsonElement> None { get; } = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The field <paramref name="name"/> (any case), when present and not JSON null.</summary>
    public static bool TryGet(IReadOnlyDictionary<string, JsonElement> fields, string name, out JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (fields.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        foreach (var (key, candidate) in fields)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && candidate.ValueKind != JsonValueKind.Null)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every field whose name (any case) is not in <paramref name="modelled"/>: what a kind keeps unread so it is written back unchanged.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Except(IReadOnlyDictionary<string, JsonElement> fields, params string[] modelled)
    {
        ArgumentNullException.ThrowIfNull(fields);
        Dictionary<string, JsonElement>? rest = null;
        foreach (var (key, value) in fields)
        {
            if (!modelled.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                rest ??= new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
                rest[key] = value;
            }
        }

        return rest ?? None;
    }

    /// <summary>The properties of a JSON object as a dictionary (empty for anything else).</summary>
    public static Dictionary<string, JsonElement> Properties(JsonElement value)
    {
        var properties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                properties[property.Name] = property.Value.Clone();
            }
        }

        return properties;
    }

    /// <summary>The string value, or null when it is not a string.</summary>
    public static string? StringOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A JSON value written by <paramref name="write"/> (one value, e.g. an array or a string).</summary>
    public static JsonElement Build(Action<Utf8JsonWriter> write, int sizeHint = 256)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new ArrayBufferWriter<byte>(sizeHint);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    /// <summary>A JSON string value.</summary>
    public static JsonElement FromString(string value) => Build(writer => writer.WriteStringValue(value), value.Length + 8);

    /// <summary>The aws/lambda extension arguments, parsed as one document (one allocation per service instead of one per value).</summary>
    internal static Dictionary<string, JsonElement> LambdaArguments(string arn, bool payloadPassthrough, string invocationMode)
    {
        var root = Build(
            writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("arn", arn);
                writer.WriteBoolean("payloadPassthrough", payloadPassthrough);
                writer.WriteString("invocationMode", invocationMode);
                writer.WriteEndObject();
            },
            arn.Length + 96);
        var arguments = new Dictionary<string, JsonElement>(3, StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            arguments[property.Name] = property.Value;
        }

        return arguments;
    }
}
