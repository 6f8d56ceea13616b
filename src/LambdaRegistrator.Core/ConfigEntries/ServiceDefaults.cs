using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// A <c>service-defaults</c> entry: the protocol and the envoy extensions (for a Lambda service, <c>builtin/aws/lambda</c>
/// with the ARN to invoke). Every other field (TransparentProxy, MeshGateway, Expose, ...) is kept unread.
/// </summary>
/// <param name="Protocol">Protocol; <c>http</c> for Lambda services. Null or empty when unset.</param>
/// <param name="EnvoyExtensions">Envoy extensions; empty in the legacy-meta format.</param>
public sealed record ServiceDefaults(string? Protocol, IReadOnlyList<EnvoyExtension> EnvoyExtensions) : ConfigEntryBody
{
    /// <summary>Consul's kind name.</summary>
    public const string KindName = "service-defaults";

    private const string ProtocolField = "Protocol";
    private const string EnvoyExtensionsField = "EnvoyExtensions";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>Reads the body from an entry's fields (see <see cref="ConfigEntryKinds.Read"/>).</summary>
    public static ServiceDefaults Read(IReadOnlyDictionary<string, JsonElement> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var protocol = JsonFields.TryGet(fields, ProtocolField, out var p) ? JsonFields.StringOf(p) : null;
        var extensions = new List<EnvoyExtension>();
        if (JsonFields.TryGet(fields, EnvoyExtensionsField, out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                var properties = JsonFields.Properties(item);
                extensions.Add(new EnvoyExtension(
                    JsonFields.TryGet(properties, "Name", out var name) ? JsonFields.StringOf(name) ?? string.Empty : string.Empty,
                    JsonFields.TryGet(properties, "Required", out var required) && required.ValueKind == JsonValueKind.True,
                    JsonFields.TryGet(properties, "Arguments", out var arguments) ? JsonFields.Properties(arguments) : new Dictionary<string, JsonElement>()));
            }
        }

        return new ServiceDefaults(protocol, extensions) { Unknown = JsonFields.Except(fields, ProtocolField, EnvoyExtensionsField) };
    }

    /// <inheritdoc />
    public override string? InvokedArn(IReadOnlyDictionary<string, string> meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        foreach (var extension in EnvoyExtensions)
        {
            if (!string.Equals(extension.Name, EnvoyExtension.AwsLambda, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (name, value) in extension.Arguments)
            {
                if (string.Equals(name, "arn", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }

        return meta.TryGetValue(LegacyServiceDefaultsMeta.Arn, out var legacy) ? legacy : null;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> DriftFrom(ConfigEntryBody actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (actual is not ServiceDefaults found)
        {
            return [$"{KindName} body of kind {actual.Kind}"];
        }

        var drift = new List<string>();
        if (!string.Equals(found.Protocol ?? string.Empty, Protocol ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            drift.Add($"{KindName} Protocol \"{found.Protocol}\" -> \"{Protocol}\"");
        }

        if (found.EnvoyExtensions.Count != EnvoyExtensions.Count)
        {
            drift.Add($"{KindName} EnvoyExtensions count {found.EnvoyExtensions.Count} -> {EnvoyExtensions.Count}");
            return drift;
        }

        for (var i = 0; i < EnvoyExtensions.Count; i++)
        {
            var a = found.EnvoyExtensions[i];
            var w = EnvoyExtensions[i];
            if (!string.Equals(a.Name, w.Name, StringComparison.Ordinal) || a.Required != w.Required)
            {
                drift.Add($"{KindName} EnvoyExtensions[{i}] {a.Name} (Required={a.Required}) -> {w.Name} (Required={w.Required})");
            }

            foreach (var (name, value) in w.Arguments)
            {
                if (!a.Arguments.TryGetValue(name, out var current))
                {
                    drift.Add($"{KindName} EnvoyExtensions[{i}].Arguments.{name} missing");
                }
                else if (!JsonElement.DeepEquals(current, value))
                {
                    drift.Add($"{KindName} EnvoyExtensions[{i}].Arguments.{name} {Planning.Drift.Short(current.GetRawText())} -> {value.GetRawText()}");
                }
            }

            foreach (var name in a.Arguments.Keys)
            {
                if (!w.Arguments.ContainsKey(name))
                {
                    drift.Add($"{KindName} EnvoyExtensions[{i}].Arguments.{name} unexpected");
                }
            }
        }

        return drift;
    }

    /// <inheritdoc />
    protected override void WriteModelled(Dictionary<string, JsonElement> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!string.IsNullOrEmpty(Protocol))
        {
            fields[ProtocolField] = JsonFields.FromString(Protocol);
        }

        if (EnvoyExtensions.Count > 0)
        {
            fields[EnvoyExtensionsField] = JsonFields.Build(writer =>
            {
                writer.WriteStartArray();
                foreach (var extension in EnvoyExtensions)
                {
                    writer.WriteStartObject();
                    writer.WriteString("Name", extension.Name);
                    writer.WriteBoolean("Required", extension.Required);
                    if (extension.Arguments.Count > 0)
                    {
                        writer.WriteStartObject("Arguments");
                        foreach (var (name, value) in extension.Arguments)
                        {
                            writer.WritePropertyName(name);
                            value.WriteTo(writer);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            });
        }
    }
}
