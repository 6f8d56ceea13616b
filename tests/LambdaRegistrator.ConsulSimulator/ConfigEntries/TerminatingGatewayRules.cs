using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// <c>TerminatingGatewayConfigEntry.Normalize</c> and <c>Validate</c> (<c>agent/structs/config_entry_gateways.go</c>).
/// Validate stops at the first problem (it returns, it does not collect) and does not require the entry's name.
/// </summary>
internal static class TerminatingGatewayRules
{
    /// <summary>Normalize: each linked service inherits the entry's partition and namespace (Enterprise), then the content hash is set.</summary>
    public static void Normalize(JsonObject fields, Tenancy tenancy, bool enterprise)
    {
        if (enterprise && fields["Services"] is JsonArray services)
        {
            foreach (var service in services.OfType<JsonObject>())
            {
                // Why: EnterpriseMeta.Merge fills what the service leaves empty from the entry, Normalize defaults the rest.
                if (string.IsNullOrEmpty((string?)service["Namespace"]))
                {
                    service["Namespace"] = tenancy.Namespace;
                }

                if (string.IsNullOrEmpty((string?)service["Partition"]))
                {
                    service["Partition"] = tenancy.Partition;
                }
            }
        }

        fields.Remove("Hash");
        fields["Hash"] = ConfigEntryDecoder.Hash(fields);
    }

    /// <summary>The first validation error, or null.</summary>
    public static string? Validate(JsonObject fields)
    {
        var metaErrors = new List<string>();
        ServiceDefaultsValidator.ValidateMeta(fields["Meta"] as JsonObject, metaErrors);
        if (metaErrors.Count > 0)
        {
            return ConfigEntryDecoder.MultiError(metaErrors);
        }

        var seen = new HashSet<(string Partition, string Namespace, string Name)>();
        foreach (var service in (fields["Services"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = (string?)service["Name"] ?? "";
            if (name.Length == 0)
            {
                return "Service name cannot be blank.";
            }

            var ns = (string?)service["Namespace"] ?? "";
            if (ns == "*")
            {
                return "Wildcard namespace is not supported for terminating gateway services";
            }

            // Why: the duplicate check keys a Go map by ServiceID, so names compare exactly (case-sensitively).
            if (!seen.Add(((string?)service["Partition"] ?? "", ns, name)))
            {
                return $"Service \"{name}\" was specified more than once within a namespace";
            }

            var caFile = (string?)service["CAFile"] ?? "";
            var certFile = (string?)service["CertFile"] ?? "";
            var keyFile = (string?)service["KeyFile"] ?? "";
            if ((certFile.Length > 0 || keyFile.Length > 0) && !(caFile.Length > 0 && certFile.Length > 0 && keyFile.Length > 0))
            {
                return $"Service \"{name}\" must have a CertFile, CAFile, and KeyFile specified for TLS origination";
            }
        }

        return null;
    }
}
