using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// Decodes and normalises <c>PUT /v1/config</c> bodies like <c>structs.DecodeConfigEntry</c> (<c>agent/structs/config_entry.go</c>):
/// a Kind/kind key, keys matched case-insensitively with snake_case aliases, weakly typed values, unknown keys rejected
/// (service-defaults, terminating-gateway and exported-services; other kinds are stored as given).
/// </summary>
internal static class ConfigEntryDecoder
{
    /// <summary>service-defaults fields in Go's output order, with their snake_case aliases.</summary>
    private static readonly (string Name, string? Alias, FieldType Type)[] ServiceDefaultsFields =
    [
        ("Kind", null, FieldType.String),
        ("Name", null, FieldType.String),
        ("Protocol", null, FieldType.String),
        ("Mode", null, FieldType.String),
        ("TransparentProxy", "transparent_proxy", FieldType.Object),
        ("MutualTLSMode", "mutual_tls_mode", FieldType.String),
        ("MeshGateway", "mesh_gateway", FieldType.Object),
        ("Expose", null, FieldType.Object),
        ("ExternalSNI", "external_sni", FieldType.String),
        ("UpstreamConfig", "upstream_config", FieldType.Object),
        ("Destination", null, FieldType.Object),
        ("MaxInboundConnections", "max_inbound_connections", FieldType.Int),
        ("LocalConnectTimeoutMs", "local_connect_timeout_ms", FieldType.Int),
        ("LocalRequestTimeoutMs", "local_request_timeout_ms", FieldType.Int),
        ("BalanceInboundConnections", "balance_inbound_connections", FieldType.String),
        ("RateLimits", "rate_limits", FieldType.Object),
        ("MaxRequestHeadersKB", "max_request_headers_kb", FieldType.Int),
        ("EnvoyExtensions", "envoy_extensions", FieldType.Extensions),
        ("Meta", null, FieldType.StringMap),
    ];

    private static readonly (string Name, string? Alias)[] ExtensionFields =
        [("Name", null), ("Required", null), ("Arguments", null), ("ConsulVersion", "consul_version"), ("EnvoyVersion", "envoy_version")];

    private enum FieldType
    {
        String,
        Int,
        Object,
        StringMap,
        Extensions,
    }

    /// <summary>The decoded entry: kind, name, the body's Namespace/Partition (Enterprise) and normalised fields.</summary>
    public sealed record Decoded(string Kind, string Name, string? Namespace, string? Partition, JsonObject Fields);

    /// <summary>The HTTP handler's 400 for any decode error (<c>ConfigApply</c> in <c>agent/config_endpoint.go</c>).</summary>
    public static ConsulApiException DecodingFailed(string message) => ConsulApiException.BadRequest("Request decoding failed: " + message);

    public static string MultiError(IReadOnlyList<string> errors) =>
        (errors.Count == 1 ? "1 error occurred:" : $"{errors.Count} errors occurred:")
        + string.Concat(errors.Select(e => "\n\t* " + e)) + "\n\n";

    public static Decoded Decode(byte[] body, bool enterprise)
    {
        JsonNode? root;
        var text = System.Text.Encoding.UTF8.GetString(body);
        if (text.Trim().Length == 0)
        {
            throw DecodingFailed("EOF");
        }

        try
        {
            root = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw DecodingFailed("invalid character in JSON body: " + e.Message);
        }

        if (root is not JsonObject obj)
        {
            throw DecodingFailed("json: cannot unmarshal " + (root?.GetValueKind().ToString().ToLowerInvariant() ?? "null")
                                 + " into Go value of type map[string]interface {}");
        }

        var kindNode = obj["Kind"] ?? obj["kind"];
        if (kindNode is null)
        {
            throw DecodingFailed("Payload does not contain a kind/Kind key at the top level");
        }

        if (kindNode is not JsonValue kindValue || kindValue.GetValueKind() != JsonValueKind.String)
        {
            throw DecodingFailed("Kind value in payload is not a string");
        }

        var kind = kindValue.GetValue<string>();
        if (!ConfigEntryKinds.All.Contains(kind))
        {
            throw DecodingFailed("invalid config entry kind: " + kind);
        }

        return kind switch
        {
            ConfigEntryKinds.ServiceDefaults => DecodeServiceDefaults(obj, enterprise),
            ConfigEntryKinds.TerminatingGateway => DecodeWithSchema(kind, obj, EntrySchemas.TerminatingGateway, enterprise),
            ConfigEntryKinds.ExportedServices => DecodeWithSchema(kind, obj, EntrySchemas.ExportedServices, enterprise),
            _ => DecodeGeneric(kind, obj, enterprise),
        };
    }

    /// <summary>A kind with a field schema: decoded strictly, then given its canonical Kind first (as its JSON output has it).</summary>
    private static Decoded DecodeWithSchema(string kind, JsonObject obj, IReadOnlyList<FieldSpec> schema, bool enterprise)
    {
        var decoded = SchemaDecoder.Decode(obj, schema, enterprise);
        var ns = (string?)decoded["Namespace"];
        var partition = (string?)decoded["Partition"];
        decoded.Remove("Namespace");
        decoded.Remove("Partition");
        decoded.Remove("Kind");
        var name = (string?)decoded["Name"] ?? "";
        decoded.Remove("Name");
        var fields = new JsonObject { ["Kind"] = kind, ["Name"] = name };
        foreach (var (key, value) in decoded.ToList())
        {
            decoded.Remove(key);
            fields[key] = value;
        }

        return new Decoded(kind, name, ns, partition, fields);
    }

    private static string? Weak(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "1" : "0",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => throw new FormatException($"expected a string but got {node.GetValueKind().ToString().ToLowerInvariant()}"),
    };

    private static Decoded DecodeServiceDefaults(JsonObject obj, bool enterprise)
    {
        var errors = new List<string>();
        var values = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        string? ns = null, partition = null;
        foreach (var (key, value) in obj)
        {
            if (key is "CreateIndex" or "ModifyIndex" or "kind" || string.Equals(key, "Hash", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (enterprise && string.Equals(key, "Namespace", StringComparison.OrdinalIgnoreCase))
            {
                ns = Weak(value);
                continue;
            }

            if (enterprise && string.Equals(key, "Partition", StringComparison.OrdinalIgnoreCase))
            {
                partition = Weak(value);
                continue;
            }

            if (!enterprise && key.EndsWith("namespace", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"invalid config key \"{key}\", namespaces are a consul enterprise feature");
                continue;
            }

            var field = ServiceDefaultsFields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)
                                                                  || string.Equals(f.Alias, key, StringComparison.OrdinalIgnoreCase));
            if (field.Name is null)
            {
                errors.Add($"invalid config key \"{key}\"");
                continue;
            }

            try
            {
                values[field.Name] = field.Type switch
                {
                    FieldType.String => Weak(value) is { } s ? JsonValue.Create(s) : null,
                    FieldType.Int => value is null ? null : JsonValue.Create(long.Parse(Weak(value)!, NumberStyles.Integer, CultureInfo.InvariantCulture)),
                    FieldType.StringMap => value is null ? null : StringMap(value),
                    FieldType.Extensions => value is null ? null : Extensions(value, errors),
                    _ => value?.DeepClone(),
                };
            }
            catch (FormatException e)
            {
                errors.Add($"'{field.Name}' {e.Message}");
            }
        }

        if (errors.Count > 0)
        {
            throw DecodingFailed(MultiError(errors));
        }

        var name = values.GetValueOrDefault("Name")?.GetValue<string>() ?? "";
        var fields = new JsonObject { ["Kind"] = ConfigEntryKinds.ServiceDefaults, ["Name"] = name };
        // Why: Normalize lower-cases the protocol; Protocol is always emitted, the non-pointer structs are always emitted as {}.
        fields["Protocol"] = (values.GetValueOrDefault("Protocol")?.GetValue<string>() ?? "").ToLowerInvariant();
        foreach (var (fieldName, _, _) in ServiceDefaultsFields.Skip(3))
        {
            var value = values.GetValueOrDefault(fieldName);
            if (fieldName is "TransparentProxy" or "MeshGateway" or "Expose")
            {
                fields[fieldName] = value ?? new JsonObject();
            }
            else if (value is not null && !IsEmpty(value))
            {
                fields[fieldName] = value;
            }
        }

        return new Decoded(ConfigEntryKinds.ServiceDefaults, name, ns, partition, fields);
    }

    private static bool IsEmpty(JsonNode value) => value switch
    {
        JsonArray a => a.Count == 0,
        JsonObject o => o.Count == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length == 0,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString() == "0",
        _ => false,
    };

    private static JsonObject StringMap(JsonNode value)
    {
        if (value is not JsonObject map)
        {
            throw new FormatException("expected a map, got '" + value.GetValueKind().ToString().ToLowerInvariant() + "'");
        }

        var result = new JsonObject();
        foreach (var (k, v) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            result[k] = Weak(v) ?? "";
        }

        return result;
    }

    private static JsonArray Extensions(JsonNode value, List<string> errors)
    {
        if (value is not JsonArray array)
        {
            throw new FormatException("source data must be an array or slice, got " + value.GetValueKind().ToString().ToLowerInvariant());
        }

        var result = new JsonArray();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject item)
            {
                errors.Add($"'EnvoyExtensions[{i}]' expected a map, got '{array[i]?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}'");
                continue;
            }

            string name = "", consulVersion = "", envoyVersion = "";
            var required = false;
            JsonNode? arguments = null;
            foreach (var (key, v) in item)
            {
                var field = ExtensionFields.FirstOrDefault(f => string.Equals(f.Name, key, StringComparison.OrdinalIgnoreCase)
                                                                || string.Equals(f.Alias, key, StringComparison.OrdinalIgnoreCase));
                switch (field.Name)
                {
                    case "Name": name = Weak(v) ?? ""; break;
                    case "Required":
                        required = v is JsonValue b && (b.GetValueKind() == JsonValueKind.True
                                                        || (b.GetValueKind() == JsonValueKind.String && bool.TryParse(b.GetValue<string>(), out var parsed) && parsed));
                        break;
                    case "Arguments": arguments = v?.DeepClone(); break;
                    case "ConsulVersion": consulVersion = Weak(v) ?? ""; break;
                    case "EnvoyVersion": envoyVersion = Weak(v) ?? ""; break;
                    default: errors.Add($"invalid config key \"EnvoyExtensions[{i}].{key}\""); break;
                }
            }

            result.Add(new JsonObject
            {
                ["Name"] = name,
                ["Required"] = required,
                ["Arguments"] = arguments,
                ["ConsulVersion"] = consulVersion,
                ["EnvoyVersion"] = envoyVersion,
            });
        }

        return result;
    }

    /// <summary>Kinds other than service-defaults are stored as given (keys not validated), with a canonical Kind and Name.</summary>
    private static Decoded DecodeGeneric(string kind, JsonObject obj, bool enterprise)
    {
        var fields = new JsonObject { ["Kind"] = kind };
        string name = "";
        string? ns = null, partition = null;
        foreach (var (key, value) in obj)
        {
            if (key is "Kind" or "kind" or "CreateIndex" or "ModifyIndex")
            {
                continue;
            }

            if (string.Equals(key, "Name", StringComparison.OrdinalIgnoreCase))
            {
                name = Weak(value) ?? "";
                fields["Name"] = name;
            }
            else if (string.Equals(key, "Namespace", StringComparison.OrdinalIgnoreCase) || string.Equals(key, "Partition", StringComparison.OrdinalIgnoreCase))
            {
                if (!enterprise)
                {
                    throw DecodingFailed(MultiError([key.EndsWith("namespace", StringComparison.OrdinalIgnoreCase)
                        ? $"invalid config key \"{key}\", namespaces are a consul enterprise feature"
                        : $"invalid config key \"{key}\""]));
                }

                if (string.Equals(key, "Namespace", StringComparison.OrdinalIgnoreCase))
                {
                    ns = Weak(value);
                }
                else
                {
                    partition = Weak(value);
                }
            }
            else
            {
                fields[key] = value?.DeepClone();
            }
        }

        return new Decoded(kind, name, ns, partition, fields);
    }

    /// <summary>The non-zero content hash Consul stores in <c>Hash</c> (PR #19795); FNV-1a over the canonical fields.</summary>
    public static ulong Hash(JsonObject fields)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(MapEquality.Canonical(fields)))
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash == 0 ? 1 : hash;
    }
}
