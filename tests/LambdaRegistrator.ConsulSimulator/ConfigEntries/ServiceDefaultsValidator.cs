using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// <c>ServiceConfigEntry.Validate</c> (<c>agent/structs/config_entry.go</c>): name, balance mode, meta limits, upstream
/// and destination exclusivity, rate limits and Envoy extensions (<c>envoyextensions.ValidateExtensions</c>). It does not
/// check the protocol: <c>Normalize</c> only lower-cases it, so <c>"Protocol":"foo"</c> is stored.
/// </summary>
internal static class ServiceDefaultsValidator
{
    private static readonly HashSet<string> BuiltinExtensions = new(StringComparer.Ordinal)
    {
        "builtin/aws/lambda", "builtin/lua", "builtin/http/localratelimit", "builtin/property-override", "builtin/wasm",
        "builtin/ext-authz", "builtin/otel-access-logging",
    };

    /// <summary>The error text (plain or a go-multierror), or null when valid.</summary>
    public static string? Validate(JsonObject fields, bool enterprise)
    {
        var name = (string?)fields["Name"] ?? "";
        if (name.Length == 0)
        {
            return "Name is required";
        }

        if (name == "*")
        {
            return "service-defaults name must be the name of a service, and not a wildcard";
        }

        var errors = new List<string>();
        ValidateMeta(fields["Meta"] as JsonObject, errors);
        var balance = fields["BalanceInboundConnections"] is JsonValue b && b.GetValueKind() == JsonValueKind.String ? b.GetValue<string>() : "";
        if (balance is not ("" or "exact_balance"))
        {
            errors.Add("invalid value for balance_inbound_connections: " + balance);
        }

        if (fields["UpstreamConfig"] is not null && fields["Destination"] is not null)
        {
            errors.Add("UpstreamConfig and Destination are mutually exclusive for service defaults");
        }

        if (!enterprise && fields["RateLimits"] is not null)
        {
            errors.Add("invalid rate_limits config. Rate limiting is a consul enterprise feature");
        }

        if (fields["EnvoyExtensions"] is JsonArray extensions)
        {
            for (var i = 0; i < extensions.Count; i++)
            {
                var extension = extensions[i]!.AsObject();
                var extensionName = (string?)extension["Name"] ?? "";
                if (extensionName.Length == 0)
                {
                    // Why: ValidateExtensions returns at the first nameless extension instead of collecting.
                    errors.Add($"invalid EnvoyExtensions[{i}]: Name is required");
                    break;
                }

                if (!BuiltinExtensions.Contains(extensionName))
                {
                    errors.Add($"invalid EnvoyExtensions[{i}][{extensionName}]: name \"{extensionName}\" is not a built-in extension");
                }
                else if (extensionName == "builtin/aws/lambda" && AwsLambdaArguments.Check(extension["Arguments"]) is { } lambdaError)
                {
                    errors.Add($"invalid EnvoyExtensions[{i}][{extensionName}]: {lambdaError}");
                }
            }
        }

        return errors.Count == 0 ? null : ConfigEntryDecoder.MultiError(errors);
    }

    /// <summary>Config-entry meta limits (no key charset or prefix rule here, unlike service meta).</summary>
    public static void ValidateMeta(JsonObject? meta, List<string> errors)
    {
        if (meta is null)
        {
            return;
        }

        if (meta.Count > 64)
        {
            errors.Add("Meta exceeds maximum element count 64");
        }

        foreach (var (key, value) in meta)
        {
            if (key.Length > 128)
            {
                errors.Add($"Meta key \"{key}\" exceeds maximum length 128");
            }

            if (((string?)value ?? "").Length > 512)
            {
                errors.Add($"Meta value for key \"{key}\" exceeds maximum length 512");
            }
        }
    }
}
