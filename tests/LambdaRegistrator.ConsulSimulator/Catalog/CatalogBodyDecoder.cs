using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>
/// Strict decoding of catalog register/deregister bodies (<c>lib.DecodeJSON</c>: DisallowUnknownFields,
/// case-insensitive keys). Namespace/Partition keys exist only in Enterprise mode.
/// </summary>
internal static class CatalogBodyDecoder
{
    private static readonly string[] RegisterFields =
    [
        "Datacenter", "ID", "Node", "Address", "TaggedAddresses", "NodeMeta", "Service", "Check", "Checks", "Locality",
        "SkipNodeUpdate", "PeerName", "Token", "CreateIndex", "ModifyIndex",
    ];

    private static readonly string[] ServiceFields =
    [
        "Kind", "ID", "Service", "Tags", "Address", "TaggedAddresses", "Meta", "Port", "Ports", "SocketPath", "Weights",
        "EnableTagOverride", "Locality", "Proxy", "Connect", "PeerName", "CreateIndex", "ModifyIndex",
    ];

    private static readonly string[] CheckFields =
    [
        "Node", "CheckID", "Name", "Status", "Notes", "Output", "ServiceID", "ServiceName", "ServiceTags", "Type",
        "Interval", "Timeout", "ExposedPort", "PeerName", "Definition", "CreateIndex", "ModifyIndex",
    ];

    private static readonly string[] DeregisterFields = ["Datacenter", "Node", "ServiceID", "CheckID", "PeerName", "Token", "Address"];
    private static readonly string[] WeightsFields = ["Passing", "Warning"];
    private static readonly string[] ServiceAddressFields = ["Address", "Port"];
    private static readonly string[] EnterpriseFields = ["Namespace", "Partition"];

    private static string[] Fields(string[] fields, bool enterprise) => enterprise ? [.. fields, .. EnterpriseFields] : fields;

    public static RegisterRequest DecodeRegister(JsonElement body, bool enterprise)
    {
        var request = new RegisterRequest();
        GoJson.ForEachField(body, "structs.RegisterRequest", Fields(RegisterFields, enterprise), (field, value) =>
        {
            var path = "RegisterRequest." + field;
            switch (field)
            {
                case "Datacenter": request.Datacenter = GoJson.String(value, path); break;
                case "ID": request.Id = GoJson.String(value, path); break;
                case "Node": request.Node = GoJson.String(value, path) ?? ""; break;
                case "Address": request.Address = GoJson.String(value, path) ?? ""; break;
                case "TaggedAddresses": request.TaggedAddresses = GoJson.StringMap(value, path); break;
                case "NodeMeta": request.NodeMeta = GoJson.StringMap(value, path); break;
                case "Service": request.Service = value.ValueKind == JsonValueKind.Null ? null : DecodeService(value, enterprise); break;
                case "Check":
                    if (value.ValueKind != JsonValueKind.Null)
                    {
                        request.Checks.Insert(0, DecodeCheck(value, enterprise));
                    }

                    break;
                case "Checks":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        request.Checks.AddRange(value.EnumerateArray().Select(c => DecodeCheck(c, enterprise)));
                    }
                    else if (value.ValueKind != JsonValueKind.Null)
                    {
                        throw new GoJsonDecodeException(
                            $"json: cannot unmarshal {GoJson.KindName(value)} into Go struct field RegisterRequest.Checks of type structs.HealthChecks");
                    }

                    break;
                case "SkipNodeUpdate": request.SkipNodeUpdate = GoJson.Bool(value, path) ?? false; break;
                case "PeerName": request.PeerName = GoJson.String(value, path) ?? ""; break;
                case "Namespace": request.Namespace = GoJson.String(value, path); break;
                case "Partition": request.Partition = GoJson.String(value, path); break;
                case "CreateIndex" or "ModifyIndex": GoJson.UInt64(value, path); break;
                default: break; // Token (always overwritten by the request token) and Locality are accepted and ignored.
            }
        });
        return request;
    }

    private static RegisterService DecodeService(JsonElement value, bool enterprise)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new GoJsonDecodeException(
                $"json: cannot unmarshal {GoJson.KindName(value)} into Go struct field RegisterRequest.Service of type structs.NodeService");
        }

        var service = new RegisterService();
        GoJson.ForEachField(value, "structs.NodeService", Fields(ServiceFields, enterprise), (field, item) =>
        {
            var path = "RegisterRequest.Service." + field;
            switch (field)
            {
                case "Kind": service.Kind = GoJson.String(item, path) ?? ""; break;
                case "ID": service.Id = GoJson.String(item, path) ?? ""; break;
                case "Service": service.Service = GoJson.String(item, path) ?? ""; break;
                case "Tags": service.Tags = GoJson.StringList(item, path); break;
                case "Address": service.Address = GoJson.String(item, path) ?? ""; break;
                case "TaggedAddresses": service.TaggedAddresses = DecodeServiceAddresses(item, path); break;
                case "Meta": service.Meta = GoJson.StringMap(item, path); break;
                case "Port": service.Port = GoJson.Int(item, path) ?? 0; break;
                case "Ports": service.Ports = GoJson.Node(item); break;
                case "SocketPath": service.SocketPath = GoJson.String(item, path) ?? ""; break;
                case "Weights": service.Weights = DecodeWeights(item, path); break;
                case "EnableTagOverride": service.EnableTagOverride = GoJson.Bool(item, path) ?? false; break;
                case "Locality": service.Locality = GoJson.Node(item); break;
                case "Proxy":
                    // Why: ConnectProxyConfig.UnmarshalJSON dereferences nil for "Proxy": null and Consul's handler panics.
                    service.Proxy = item.ValueKind == JsonValueKind.Null
                        ? throw new ConnectionResetException("Service.Proxy is null: Consul panics and drops the connection")
                        : GoJson.Node(item);
                    break;
                case "Connect": service.Connect = GoJson.Node(item); break;
                case "PeerName": service.PeerName = GoJson.String(item, path) ?? ""; break;
                case "Namespace": service.Namespace = GoJson.String(item, path); break;
                case "Partition": service.Partition = GoJson.String(item, path); break;
                default: GoJson.UInt64(item, path); break;
            }
        });
        return service;
    }

    private static ServiceWeights? DecodeWeights(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        int passing = 0, warning = 0;
        GoJson.ForEachField(value, "structs.Weights", WeightsFields, (field, item) =>
        {
            if (field == "Passing")
            {
                passing = GoJson.Int(item, path + ".Passing") ?? 0;
            }
            else
            {
                warning = GoJson.Int(item, path + ".Warning") ?? 0;
            }
        });
        return new ServiceWeights(passing, warning);
    }

    private static Dictionary<string, ServiceAddress>? DecodeServiceAddresses(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new GoJsonDecodeException(
                $"json: cannot unmarshal {GoJson.KindName(value)} into Go struct field {path} of type map[string]structs.ServiceAddress");
        }

        var result = new Dictionary<string, ServiceAddress>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            string address = "";
            int port = 0;
            GoJson.ForEachField(property.Value, "structs.ServiceAddress", ServiceAddressFields, (field, item) =>
            {
                if (field == "Address")
                {
                    address = GoJson.String(item, path + ".Address") ?? "";
                }
                else
                {
                    port = GoJson.Int(item, path + ".Port") ?? 0;
                }
            });
            result[property.Name] = new ServiceAddress(address, port);
        }

        return result;
    }

    private static JsonObject DecodeCheck(JsonElement value, bool enterprise)
    {
        var check = new JsonObject();
        GoJson.ForEachField(value, "structs.HealthCheck", Fields(CheckFields, enterprise), (field, item) =>
        {
            var path = "RegisterRequest.Check." + field;
            switch (field)
            {
                case "Definition": check[field] = GoJson.Node(item); break;
                case "ServiceTags": check[field] = GoJson.Node(item); GoJson.StringList(item, path); break;
                case "ExposedPort": check[field] = GoJson.Int(item, path); break;
                case "CreateIndex" or "ModifyIndex": GoJson.UInt64(item, path); break;
                default: check[field] = GoJson.String(item, path); break;
            }
        });
        return check;
    }

    public static DeregisterRequest DecodeDeregister(JsonElement body, bool enterprise)
    {
        var request = new DeregisterRequest();
        GoJson.ForEachField(body, "structs.DeregisterRequest", Fields(DeregisterFields, enterprise), (field, value) =>
        {
            var path = "DeregisterRequest." + field;
            switch (field)
            {
                case "Datacenter": request.Datacenter = GoJson.String(value, path); break;
                case "Node": request.Node = GoJson.String(value, path) ?? ""; break;
                case "ServiceID": request.ServiceId = GoJson.String(value, path) ?? ""; break;
                case "CheckID": request.CheckId = GoJson.String(value, path) ?? ""; break;
                case "PeerName": request.PeerName = GoJson.String(value, path) ?? ""; break;
                case "Namespace": request.Namespace = GoJson.String(value, path); break;
                case "Partition": request.Partition = GoJson.String(value, path); break;
                default: GoJson.String(value, path); break; // Token, Address: accepted, ignored.
            }
        });
        return request;
    }
}
