using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// <c>ExportedServicesConfigEntry.Normalize</c> and <c>Validate</c> (<c>agent/structs/config_entry_exports.go</c>, with
/// <c>validateExportedServicesName</c> and <c>validateServicesEnterprise</c> of <c>config_entry_ce.go</c> /
/// <c>config_entry_exports_ce.go</c>). Validate stops at the first problem.
/// </summary>
internal static class ExportedServicesRules
{
    /// <summary>
    /// Normalize: the entry lives in the partition its name names (<c>DefaultEnterpriseMetaInPartition(e.Name)</c>); each
    /// service's namespace is normalised (<c>acl.NormalizeNamespace</c>: empty on Community Edition, default on Enterprise).
    /// </summary>
    public static void Normalize(JsonObject fields, bool enterprise)
    {
        foreach (var service in (fields["Services"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var ns = (string?)service["Namespace"] ?? "";
            if (!enterprise)
            {
                service.Remove("Namespace");
            }
            else
            {
                // Keep the key order of the struct: Name, Namespace, Consumers.
                var consumers = service["Consumers"];
                service.Remove("Consumers");
                service["Namespace"] = ns.Length == 0 ? "default" : ns;
                if (consumers is not null)
                {
                    service["Consumers"] = consumers;
                }
            }
        }
    }

    /// <summary>The first validation error, or null. On Enterprise the name rule is the simulator's, see the docs.</summary>
    public static string? Validate(JsonObject fields, bool enterprise)
    {
        var name = (string?)fields["Name"] ?? "";
        if (!enterprise && name != "default")
        {
            return "exported-services Name must be \"default\"";
        }

        var metaErrors = new List<string>();
        ServiceDefaultsValidator.ValidateMeta(fields["Meta"] as JsonObject, metaErrors);
        if (metaErrors.Count > 0)
        {
            return ConfigEntryDecoder.MultiError(metaErrors);
        }

        var services = (fields["Services"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (!enterprise)
        {
            for (var i = 0; i < services.Count; i++)
            {
                var consumers = (services[i]["Consumers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
                for (var j = 0; j < consumers.Count; j++)
                {
                    var partition = (string?)consumers[j]["Partition"] ?? "";
                    if (partition.Length > 0 && !string.Equals(partition, "default", StringComparison.OrdinalIgnoreCase))
                    {
                        return $"Services[{i}].Consumers[{j}]: partitions are an enterprise-only feature";
                    }

                    if (!string.IsNullOrEmpty((string?)consumers[j]["SamenessGroup"]))
                    {
                        return $"Services[{i}].Consumers[{j}]: sameness-groups are an enterprise-only feature";
                    }
                }
            }
        }

        for (var i = 0; i < services.Count; i++)
        {
            var serviceName = (string?)services[i]["Name"] ?? "";
            if (serviceName.Length == 0)
            {
                return $"Services[{i}]: service name cannot be empty";
            }

            if ((string?)services[i]["Namespace"] == "*" && serviceName != "*")
            {
                return $"Services[{i}]: service name must be wildcard if namespace is wildcard";
            }

            var consumers = (services[i]["Consumers"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            if (consumers.Count == 0)
            {
                return $"Services[{i}]: must have at least one consumer";
            }

            for (var j = 0; j < consumers.Count; j++)
            {
                var peer = (string?)consumers[j]["Peer"] ?? "";
                var partition = (string?)consumers[j]["Partition"] ?? "";
                var group = (string?)consumers[j]["SamenessGroup"] ?? "";
                if ((peer.Length > 0 ? 1 : 0) + (partition.Length > 0 ? 1 : 0) + (group.Length > 0 ? 1 : 0) > 1)
                {
                    return $"Services[{i}].Consumers[{j}]: must define at most one of Peer, Partition, or SamenessGroup";
                }

                if (partition == "*")
                {
                    return $"Services[{i}].Consumers[{j}]: exporting to all partitions (wildcard) is not supported";
                }

                if (peer == "*")
                {
                    return $"Services[{i}].Consumers[{j}]: exporting to all peers (wildcard) is not supported";
                }
            }
        }

        return null;
    }
}
