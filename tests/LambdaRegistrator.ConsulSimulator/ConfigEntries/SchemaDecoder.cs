using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// Decodes a config entry body against its struct's fields the way <c>structs.DecodeConfigEntry</c> does with
/// mapstructure (<c>WeaklyTypedInput</c>, case-insensitive keys, <c>alias</c> tags): values of a wrong type are decode
/// errors (<c>N error(s) decoding</c>, Go's mapstructure format), keys that match no field are reported afterwards by
/// <c>validateUnusedKeys</c> (<c>agent/structs/config_entry_ce.go</c>) with their full path (<c>Services[0].Bogus</c>).
/// </summary>
internal sealed class SchemaDecoder
{
    private readonly bool _enterprise;
    private readonly List<string> _decodeErrors = [];
    private readonly List<string> _unusedKeys = [];

    private SchemaDecoder(bool enterprise)
    {
        _enterprise = enterprise;
    }

    /// <summary>The decoded fields (canonical names, schema order), or a 400 with Consul's text.</summary>
    public static JsonObject Decode(JsonObject body, IReadOnlyList<FieldSpec> schema, bool enterprise)
    {
        var decoder = new SchemaDecoder(enterprise);
        var fields = decoder.DecodeStruct(body, schema, "");
        if (decoder._decodeErrors.Count > 0)
        {
            var points = decoder._decodeErrors.Select(e => "* " + e).Order(StringComparer.Ordinal);
            throw ConfigEntryDecoder.DecodingFailed($"{decoder._decodeErrors.Count} error(s) decoding:\n\n{string.Join('\n', points)}");
        }

        var unused = decoder._unusedKeys.Select(UnusedKeyError).Where(e => e is not null).Cast<string>().ToList();
        if (unused.Count > 0)
        {
            throw ConfigEntryDecoder.DecodingFailed(ConfigEntryDecoder.MultiError(unused));
        }

        return fields;
    }

    /// <summary><c>validateUnusedKeys</c>: raft indexes and Kind are tolerated at the top level; namespace and jwt keys get the Enterprise hint.</summary>
    private static string? UnusedKeyError(string key) => key switch
    {
        "CreateIndex" or "ModifyIndex" or "kind" or "Kind" => null,
        _ when key.EndsWith("namespace", StringComparison.OrdinalIgnoreCase) => $"invalid config key \"{key}\", namespaces are a consul enterprise feature",
        _ when key.Contains("jwt", StringComparison.OrdinalIgnoreCase) => $"invalid config key \"{key}\", api-gateway jwt validation is a consul enterprise feature",
        _ => $"invalid config key \"{key}\"",
    };

    private JsonObject DecodeStruct(JsonObject body, IReadOnlyList<FieldSpec> schema, string path)
    {
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        foreach (var (key, value) in body)
        {
            var field = schema.FirstOrDefault(f => f.Matches(key) && (_enterprise || !f.EnterpriseOnly));
            if (field is null)
            {
                _unusedKeys.Add(path.Length == 0 ? key : $"{path}.{key}");
                continue;
            }

            var name = path.Length == 0 ? field.Name : $"{path}.{field.Name}";
            values[field.Name] = field.Kind switch
            {
                FieldKind.String => DecodeString(value, name),
                FieldKind.StringMap => DecodeStringMap(value, name),
                FieldKind.StructList => DecodeStructList(value, field.Item!, name),
                _ => null,
            };
        }

        var result = new JsonObject();
        foreach (var field in schema)
        {
            if (values.TryGetValue(field.Name, out var value) && value is not null)
            {
                result[field.Name] = value;
            }
        }

        return result;
    }

    private JsonValue? DecodeString(JsonNode? value, string name)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(v.GetValue<string>());
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(v.GetValueKind() == JsonValueKind.True ? "1" : "0");
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(v.GetValue<double>().ToString("R", CultureInfo.InvariantCulture));
            default:
                _decodeErrors.Add($"'{name}' expected type 'string', got unconvertible type '{GoValue.TypeName(value)}', value: '{GoValue.Format(value)}'");
                return null;
        }
    }

    private JsonObject? DecodeStringMap(JsonNode? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        if (value is not JsonObject map)
        {
            _decodeErrors.Add($"'{name}' expected a map, got '{GoValue.KindName(value)}'");
            return null;
        }

        var result = new JsonObject();
        foreach (var (key, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[key] = DecodeString(item, $"{name}[{key}]") ?? JsonValue.Create("");
        }

        return result;
    }

    private JsonArray? DecodeStructList(JsonNode? value, IReadOnlyList<FieldSpec> item, string name)
    {
        // Why: WeaklyTypedInput lifts a single value into a one-element slice.
        var items = value switch
        {
            null => null,
            JsonArray array => array.ToList(),
            _ => [value],
        };
        if (items is null)
        {
            return null;
        }

        var result = new JsonArray();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is JsonObject element)
            {
                result.Add(DecodeStruct(element, item, $"{name}[{i}]"));
            }
            else if (items[i] is null)
            {
                result.Add(new JsonObject());
            }
            else
            {
                _decodeErrors.Add($"'{name}[{i}]' expected a map, got '{GoValue.KindName(items[i])}'");
            }
        }

        return result;
    }
}
