using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.Json;

/// <summary>
/// Decodes request bodies the way Go's <c>encoding/json</c> with <c>DisallowUnknownFields</c> does:
/// case-insensitive keys (last one wins), the first unknown key fails, type mismatches fail with Go's wording.
/// </summary>
internal static class GoJson
{
    /// <summary>Parses a body; an empty body is Go's <c>EOF</c>, malformed JSON gets a Go-like syntax error.</summary>
    public static JsonElement Parse(ReadOnlySpan<byte> body)
    {
        var trimmed = Encoding.UTF8.GetString(body).Trim();
        if (trimmed.Length == 0)
        {
            throw new GoJsonDecodeException("EOF");
        }

        try
        {
            using var document = JsonDocument.Parse(trimmed, new JsonDocumentOptions { AllowTrailingCommas = false });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            var first = trimmed[0];
            if (first is not ('{' or '[' or '"' or 't' or 'f' or 'n' or '-') && !char.IsAsciiDigit(first))
            {
                throw new GoJsonDecodeException($"invalid character '{first}' looking for beginning of value");
            }

            throw new GoJsonDecodeException("unexpected EOF");
        }
    }

    /// <summary>Go's name for the JSON kind in an UnmarshalTypeError.</summary>
    public static string KindName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };

    private static GoJsonDecodeException TypeError(JsonElement value, string field, string goType) =>
        new($"json: cannot unmarshal {KindName(value)} into Go struct field {field} of type {goType}");

    /// <summary>
    /// Visits the fields of an object, mapping each key case-insensitively to one of <paramref name="known"/>;
    /// an unknown key fails with <c>json: unknown field "key"</c> unless <paramref name="allowUnknown"/>.
    /// </summary>
    public static void ForEachField(JsonElement obj, string goStruct, IReadOnlyList<string> known, Action<string, JsonElement> visit, bool allowUnknown = false)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new GoJsonDecodeException($"json: cannot unmarshal {KindName(obj)} into Go value of type {goStruct}");
        }

        foreach (var property in obj.EnumerateObject())
        {
            var canonical = known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.Ordinal))
                            ?? known.FirstOrDefault(k => string.Equals(k, property.Name, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                if (allowUnknown)
                {
                    continue;
                }

                throw new GoJsonDecodeException($"json: unknown field \"{property.Name}\"");
            }

            visit(canonical, property.Value);
        }
    }

    public static string? String(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        _ => throw TypeError(value, field, "string"),
    };

    public static bool? Bool(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw TypeError(value, field, "bool"),
    };

    public static int? Int(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            throw TypeError(value, field, "int");
        }

        if (!value.TryGetInt32(out var result))
        {
            throw new GoJsonDecodeException(
                $"json: cannot unmarshal number {value.GetRawText()} into Go struct field {field} of type int");
        }

        return result;
    }

    public static ulong? UInt64(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetUInt64(out var result))
        {
            throw TypeError(value, field, "uint64");
        }

        return result;
    }

    public static IReadOnlyList<string>? StringList(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw TypeError(value, field, "[]string");
        }

        var list = new List<string>();
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw TypeError(item, field, "string"));
        }

        return list;
    }

    public static IReadOnlyDictionary<string, string>? StringMap(JsonElement value, string field)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw TypeError(value, field, "map[string]string");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            map[property.Name] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString()!
                : throw TypeError(property.Value, field, "string");
        }

        return map;
    }

    /// <summary>Keeps an arbitrary sub-document (Proxy, Connect, Check definitions) as a node.</summary>
    public static JsonNode? Node(JsonElement value) =>
        value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());

    public static string FormatUInt(ulong value) => value.ToString(CultureInfo.InvariantCulture);
}
