using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.Filtering;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>
/// The <c>/v1/catalog/*</c> endpoints (<c>agent/catalog_endpoint.go</c> over <c>agent/consul/catalog_endpoint.go</c>) with
/// Consul's validation order, ACL checks and index rules.
/// </summary>
internal sealed class CatalogEndpoints
{
    private static readonly string[] ServiceNodeFields =
    [
        "ID", "Node", "Address", "Datacenter", "TaggedAddresses", "NodeMeta", "ServiceKind", "ServiceID", "ServiceName",
        "ServiceTags", "ServiceAddress", "ServiceTaggedAddresses", "ServiceWeights", "ServiceMeta", "ServicePort",
        "ServicePorts", "ServiceSocketPath", "ServiceEnableTagOverride", "ServiceProxy", "ServiceConnect", "Namespace", "Partition",
    ];

    private static readonly string[] NodeServiceFields =
    [
        "Kind", "ID", "Service", "Tags", "Address", "TaggedAddresses", "Meta", "Port", "SocketPath", "Weights",
        "EnableTagOverride", "Proxy", "Connect", "PeerName", "Namespace", "Partition",
    ];

    private static readonly string[] NodeFields = ["ID", "Node", "Address", "Datacenter", "TaggedAddresses", "Meta", "Partition"];

    private readonly SimulatorState _state;

    public CatalogEndpoints(SimulatorState state)
    {
        _state = state;
    }

    private bool Enterprise => _state.Settings.Enterprise;

    public void Register(RouteTable routes)
    {
        routes.Add("/v1/catalog/register", ["PUT"], RegisterAsync);
        routes.Add("/v1/catalog/deregister", ["PUT"], DeregisterAsync);
        routes.Add("/v1/catalog/services", ["GET"], ServicesAsync);
        routes.Add("/v1/catalog/service/", ["GET"], ServiceAsync, ":service");
        routes.Add("/v1/catalog/node/", ["GET"], NodeAsync, ":node");
        routes.Add("/v1/catalog/node-services/", ["GET"], NodeServicesAsync, ":node");
        routes.Add("/v1/catalog/nodes", ["GET"], NodesAsync);
        routes.Add("/v1/catalog/datacenters", ["GET"], DatacentersAsync);
    }

    /// <summary>
    /// <c>Catalog.ListDatacenters</c>: every datacenter of the WAN federation, sorted by round-trip time from the agent's,
    /// so the agent's own first. No token is checked and no index headers are set (it is not a blocking query).
    /// </summary>
    private Task<ApiResponse> DatacentersAsync(ApiRequest request)
    {
        var others = _state.Settings.Datacenters.Where(dc => dc != request.AgentDatacenter);
        return Task.FromResult(JsonReply.Of([request.AgentDatacenter, .. others], SimulatorJsonContext.Wire.ListString, request.Pretty));
    }

    internal static FilterExpression? CompileFilter(QueryOptions options, IReadOnlyCollection<string> fields)
    {
        if (options.Filter is null)
        {
            return null;
        }

        try
        {
            return FilterExpression.Compile(options.Filter, fields);
        }
        catch (FilterSyntaxException e)
        {
            throw ConsulApiException.Internal("Failed to create boolean expression evaluator: " + e.Message);
        }
    }

    private static ConsulApiException DecodeFailed(GoJsonDecodeException e, bool enterprise) =>
        ConsulApiException.BadRequest("Request decode failed: " + e.Message
            + (!enterprise && e.Message == "json: unknown field \"Namespace\"" ? " - Namespaces are a Consul Enterprise feature" : ""));

    private async Task<ApiResponse> RegisterAsync(ApiRequest request)
    {
        request.ResolveTenancy();
        var body = await request.ReadBodyAsync();
        RegisterRequest register;
        try
        {
            register = CatalogBodyDecoder.DecodeRegister(GoJson.Parse(body), Enterprise);
        }
        catch (GoJsonDecodeException e)
        {
            throw DecodeFailed(e, Enterprise);
        }

        var tenancy = request.ResolveTenancy(bodyNamespace: register.Service?.Namespace ?? register.Namespace,
            bodyPartition: register.Partition ?? register.Service?.Partition);
        lock (_state.Sync)
        {
            ApplyRegister(request, register, tenancy);
        }

        return ApiResponse.JsonLiteral("true");
    }

    private void ApplyRegister(ApiRequest request, RegisterRequest register, Tenancy tenancy)
    {
        if (register.PeerName.Length > 0 || register.Service?.PeerName.Length > 0
                                         || register.Checks.Any(c => !string.IsNullOrEmpty((string?)c["PeerName"])))
        {
            throw ConsulApiException.Internal("cannot register requests with PeerName in them");
        }

        var catalog = _state.Catalog(string.IsNullOrEmpty(register.Datacenter) ? request.AgentDatacenter : register.Datacenter);
        var authz = _state.Acl.Resolve(request.Token);
        if (register.Node.Length == 0)
        {
            throw ConsulApiException.Internal("Must provide node");
        }

        if (!string.IsNullOrEmpty(register.Id))
        {
            if (register.Id.Length != 36)
            {
                throw ConsulApiException.Internal("Bad node ID: uuid string is wrong length");
            }

            if (!Guid.TryParseExact(register.Id, "D", out _))
            {
                throw ConsulApiException.Internal("Bad node ID: uuid is improperly formatted");
            }
        }

        if (register.Address.Length == 0 && !register.SkipNodeUpdate)
        {
            throw ConsulApiException.Internal("Must provide address if SkipNodeUpdate is not set");
        }

        if (Enterprise)
        {
            _state.Tenancies.EnsureExists(tenancy);
        }

        var service = register.Service;
        if (service is not null)
        {
            if (service.Port != 0 && service.Ports is JsonArray { Count: > 0 })
            {
                throw ConsulApiException.Internal("1 error occurred:\n\t* Cannot set both Port and Ports\n\n");
            }

            if (service.Id.Length == 0 && service.Service.Length == 0)
            {
                throw ConsulApiException.Internal(
                    "service name (Service.Service) is required; both Service ID (Service.ID) and Service Name cannot be empty");
            }

            if (service.Id.Length == 0)
            {
                service.Id = service.Service;
            }

            if (service.Service.Length == 0)
            {
                throw ConsulApiException.Internal("Must provide service name (Service.Service) when service ID is provided");
            }

            if (service.Address is "0.0.0.0" or "::" or "[::]")
            {
                throw ConsulApiException.Internal("Invalid service address");
            }

            // Why: Consul exempts its own service name from the service:write check.
            if (service.Service != "consul" && !authz.ServiceWrite(service.Service))
            {
                throw authz.Denied("service:write", service.Service);
            }
        }

        var partition = tenancy.Partition;
        var existingNode = catalog.FindNode(partition, register.Node);
        var newNode = new NodeRecord
        {
            Name = register.Node,
            Partition = partition,
            Id = register.Id ?? "",
            Address = register.Address,
            TaggedAddresses = register.TaggedAddresses,
            Meta = register.NodeMeta,
        };
        var nodeChanges = existingNode is null || (!register.SkipNodeUpdate && !existingNode.SameFieldsAs(newNode));
        if (nodeChanges && !authz.NodeWrite(register.Node))
        {
            throw authz.Denied("node:write", register.Node);
        }

        ServiceRecord? existingService = null;
        if (service is not null)
        {
            existingService = catalog.FindService(partition, register.Node, tenancy.Namespace, service.Id);
            if (existingService is not null && existingService.Service != "consul" && !authz.ServiceWrite(existingService.Service))
            {
                throw ConsulApiException.Forbidden("Permission denied");
            }
        }

        var checkRecords = new List<CheckRecord>();
        foreach (var check in register.Checks)
        {
            var checkNode = (string?)check["Node"];
            if (string.IsNullOrEmpty(checkNode))
            {
                check["Node"] = register.Node;
            }
            else if (!string.Equals(checkNode, register.Node, StringComparison.OrdinalIgnoreCase))
            {
                throw ConsulApiException.Internal(
                    $"Node '{checkNode}' for check '{(string?)check["CheckID"]}' doesn't match register request node '{register.Node}'");
            }

            var checkId = (string?)check["CheckID"];
            if (string.IsNullOrEmpty(checkId))
            {
                checkId = (string?)check["Name"] ?? "";
                check["CheckID"] = checkId;
            }

            if (string.IsNullOrEmpty((string?)check["Status"]))
            {
                check["Status"] = "critical";
            }

            var serviceId = (string?)check["ServiceID"] ?? "";
            if (serviceId.Length == 0)
            {
                if (!authz.NodeWrite(register.Node))
                {
                    throw authz.Denied("node:write", register.Node);
                }
            }
            else
            {
                var owner = service is not null && string.Equals(service.Id, serviceId, StringComparison.OrdinalIgnoreCase)
                    ? service.Service
                    : catalog.FindService(partition, register.Node, tenancy.Namespace, serviceId)?.Service;
                if (owner is null)
                {
                    throw ConsulApiException.Internal($"Unknown service ID '{serviceId}' for check ID '{checkId}'");
                }

                if (!authz.ServiceWrite(owner))
                {
                    throw authz.Denied("service:write", owner);
                }
            }

            checkRecords.Add(new CheckRecord { NodeName = register.Node, CheckId = checkId, ServiceId = serviceId, Definition = check });
        }

        ServiceRecord? serviceRecord = null;
        if (service is not null)
        {
            var metaError = ServiceMetaValidator.Validate(service.Meta, service.Kind == "mesh-gateway");
            if (metaError is not null)
            {
                throw ConsulApiException.Internal(
                    $"failed inserting service: Invalid Service Meta for node {register.Node} and serviceID {service.Id}: {metaError}");
            }

            serviceRecord = new ServiceRecord
            {
                NodeName = existingNode?.Name ?? register.Node,
                Tenancy = tenancy,
                Kind = service.Kind,
                Id = service.Id,
                Service = service.Service,
                Tags = service.Tags,
                Address = service.Address,
                TaggedAddresses = service.TaggedAddresses,
                Meta = service.Meta,
                Port = service.Port,
                Ports = service.Ports,
                SocketPath = service.SocketPath,
                Weights = ServiceWeights.Normalize(service.Weights),
                EnableTagOverride = service.EnableTagOverride,
                Proxy = service.Proxy,
                Connect = service.Connect,
                Locality = service.Locality,
            };
        }

        if (existingNode is null || (!register.SkipNodeUpdate && nodeChanges))
        {
            catalog.UpsertNode(newNode);
        }

        if (serviceRecord is not null)
        {
            catalog.UpsertService(serviceRecord, partition);
        }

        foreach (var check in checkRecords)
        {
            catalog.UpsertCheck(check, partition);
        }

        catalog.Commit();
    }

    private async Task<ApiResponse> DeregisterAsync(ApiRequest request)
    {
        request.ResolveTenancy();
        var body = await request.ReadBodyAsync();
        DeregisterRequest deregister;
        try
        {
            deregister = CatalogBodyDecoder.DecodeDeregister(GoJson.Parse(body), Enterprise);
        }
        catch (GoJsonDecodeException e)
        {
            throw DecodeFailed(e, Enterprise);
        }

        var tenancy = request.ResolveTenancy(bodyNamespace: deregister.Namespace, bodyPartition: deregister.Partition);
        lock (_state.Sync)
        {
            if (deregister.PeerName.Length > 0)
            {
                throw ConsulApiException.Internal("cannot deregister requests with PeerName in them");
            }

            var catalog = _state.Catalog(string.IsNullOrEmpty(deregister.Datacenter) ? request.AgentDatacenter : deregister.Datacenter);
            if (deregister.Node.Length == 0)
            {
                throw ConsulApiException.Internal("Must provide node");
            }

            var authz = _state.Acl.Resolve(request.Token);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }

            var partition = tenancy.Partition;
            if (!authz.NodeWrite(deregister.Node))
            {
                if (deregister.ServiceId.Length > 0)
                {
                    var service = catalog.FindService(partition, deregister.Node, tenancy.Namespace, deregister.ServiceId)
                                  ?? throw ConsulApiException.Internal($"Unknown service ID '{deregister.ServiceId}'");
                    if (!authz.ServiceWrite(service.Service))
                    {
                        throw authz.Denied("service:write", service.Service);
                    }
                }
                else if (deregister.CheckId.Length > 0)
                {
                    var check = catalog.ChecksOnNode(partition, deregister.Node)
                                    .FirstOrDefault(c => string.Equals(c.CheckId, deregister.CheckId, StringComparison.OrdinalIgnoreCase))
                                ?? throw ConsulApiException.Internal($"Unknown check ID '{deregister.CheckId}'");
                    var owner = check.ServiceId.Length == 0
                        ? null
                        : catalog.FindService(partition, deregister.Node, tenancy.Namespace, check.ServiceId)?.Service;
                    if (owner is null)
                    {
                        throw authz.Denied("node:write", deregister.Node);
                    }

                    if (!authz.ServiceWrite(owner))
                    {
                        throw authz.Denied("service:write", owner);
                    }
                }
                else
                {
                    throw authz.Denied("node:write", deregister.Node);
                }
            }

            if (deregister.ServiceId.Length > 0)
            {
                catalog.DeleteService(partition, deregister.Node, tenancy.Namespace, deregister.ServiceId);
            }
            else if (deregister.CheckId.Length > 0)
            {
                catalog.DeleteCheck(partition, deregister.Node, deregister.CheckId);
            }
            else
            {
                catalog.DeleteNode(partition, deregister.Node);
            }

            catalog.Commit();
        }

        return ApiResponse.JsonLiteral("true");
    }

    /// <summary>
    /// Resolves the common read inputs: tenancy and query options (the handler's own 400s), then, as the RPC does, the
    /// filter, the datacenter, the token and the Enterprise tenancy. Errors of that second part carry the query meta:
    /// the handlers set it with <c>defer setMeta</c> before calling the RPC.
    /// </summary>
    private (Tenancy Tenancy, QueryOptions Options, CatalogStore Catalog, Authorizer Authz, FilterExpression? Filter) ReadContext(
        ApiRequest request, string[] filterFields, bool checkNamespace = true, bool namespaceMatters = true)
    {
        var tenancy = request.ResolveTenancy(checkNamespace);
        var options = QueryOptions.Parse(request);
        try
        {
            var filter = CompileFilter(options, filterFields);
            lock (_state.Sync)
            {
                var catalog = _state.Catalog(request.Datacenter);
                var authz = _state.Acl.Resolve(request.Token);
                if (Enterprise)
                {
                    _state.Tenancies.EnsureExists(tenancy, namespaceMatters);
                }

                return (tenancy, options, catalog, authz, filter);
            }
        }
        catch (ConsulApiException e)
        {
            throw e.WithQueryMeta();
        }
    }

    private static bool NodeMetaMatches(NodeRecord node, QueryOptions options) =>
        options.NodeMeta.All(pair => node.Meta is not null && node.Meta.TryGetValue(pair.Key, out var value)
                                                             && string.Equals(value, pair.Value, StringComparison.Ordinal));

    private async Task<ApiResponse> ServicesAsync(ApiRequest request)
    {
        var (tenancy, options, catalog, authz, filter) = ReadContext(request, ServiceNodeFields);
        var filtered = false;
        var (result, index) = await BlockingQuery.RunAsync(_state.Sync, () => catalog.Changes, options, () =>
        {
            filtered = false;
            var services = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var service in catalog.Services(tenancy).OrderBy(s => s.NodeName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
            {
                var node = catalog.FindNode(tenancy.Partition, service.NodeName);
                if (node is null || !NodeMetaMatches(node, options))
                {
                    continue;
                }

                if (!authz.NodeRead(node.Name) || !authz.ServiceRead(service.Service))
                {
                    filtered = true;
                    continue;
                }

                if (filter is not null && !filter.Matches(JsonReply.ToObject(
                        CatalogViews.ServiceNode(node, service, catalog.Datacenter, Enterprise), SimulatorJsonContext.Wire.ServiceNodeView)))
                {
                    continue;
                }

                if (!services.TryGetValue(service.Service, out var tags))
                {
                    services[service.Service] = tags = [];
                }

                foreach (var tag in service.Tags ?? [])
                {
                    if (!tags.Contains(tag, StringComparer.Ordinal))
                    {
                        tags.Add(tag);
                    }
                }
            }

            var tableIndex = options.NodeMeta.Count > 0 ? Math.Max(catalog.ServicesTableIndex, catalog.NodesTableIndex) : catalog.ServicesTableIndex;
            return (services, tableIndex);
        }, _state.Time, request.Aborted);
        return JsonReply.Of(result, SimulatorJsonContext.Wire.SortedDictionaryStringListString, request.Pretty)
            .WithQueryMeta(index, options.EffectiveConsistency, filtered && authz.ReportsFiltering);
    }

    private async Task<ApiResponse> ServiceAsync(ApiRequest request)
    {
        if (request.Remainder.Length == 0)
        {
            throw ConsulApiException.BadRequest("Missing service name");
        }

        var (tenancy, options, catalog, authz, filter) = ReadContext(request, ServiceNodeFields);
        var tags = request.Query.TryGetValue("tag", out var tagValues) ? tagValues.Select(t => t ?? "").ToList() : [];
        var name = request.Remainder;
        var filtered = false;
        var (result, index) = await BlockingQuery.RunAsync(_state.Sync, () => catalog.Changes, options, () =>
        {
            filtered = false;
            var list = new List<ServiceNodeView>();
            foreach (var service in catalog.Services(tenancy)
                         .Where(s => string.Equals(s.Service, name, StringComparison.OrdinalIgnoreCase))
                         .OrderBy(s => s.NodeName, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Id, StringComparer.OrdinalIgnoreCase))
            {
                var node = catalog.FindNode(tenancy.Partition, service.NodeName);
                if (node is null || !NodeMetaMatches(node, options)
                                 || !tags.All(t => (service.Tags ?? []).Contains(t, StringComparer.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (!authz.NodeRead(node.Name) || !authz.ServiceRead(service.Service))
                {
                    filtered = true;
                    continue;
                }

                var view = CatalogViews.ServiceNode(node, service, catalog.Datacenter, Enterprise);
                if (filter is null || filter.Matches(JsonReply.ToObject(view, SimulatorJsonContext.Wire.ServiceNodeView)))
                {
                    list.Add(view);
                }
            }

            return (list, catalog.ServiceNameIndex(name));
        }, _state.Time, request.Aborted);
        return JsonReply.Of(result, SimulatorJsonContext.Wire.ListServiceNodeView, request.Pretty)
            .WithQueryMeta(index, options.EffectiveConsistency, filtered && authz.ReportsFiltering);
    }

    private static NodeRecord? FindNodeByNameOrId(CatalogStore catalog, string partition, string nameOrId)
    {
        var byName = catalog.FindNode(partition, nameOrId);
        if (byName is not null || nameOrId.Length < 2)
        {
            return byName;
        }

        var byId = catalog.Nodes(partition).Where(n => n.Id.StartsWith(nameOrId, StringComparison.OrdinalIgnoreCase)).Take(2).ToList();
        return byId.Count == 1 ? byId[0] : null;
    }

    private async Task<ApiResponse> NodeAsync(ApiRequest request)
    {
        if (request.Remainder.Length == 0)
        {
            throw ConsulApiException.BadRequest("Missing node name");
        }

        var (tenancy, options, catalog, authz, filter) = ReadContext(request, NodeServiceFields);
        var filtered = false;
        var (result, index) = await BlockingQuery.RunAsync(_state.Sync, () => catalog.Changes, options, () =>
        {
            filtered = false;
            var node = FindNodeByNameOrId(catalog, tenancy.Partition, request.Remainder);
            if (node is null)
            {
                return ((NodeInfoView?)null, catalog.NodeIndex(tenancy.Partition, request.Remainder));
            }

            var nodeIndex = catalog.NodeIndex(tenancy.Partition, node.Name);
            if (!authz.NodeRead(node.Name))
            {
                filtered = true;
                return (null, nodeIndex);
            }

            var services = new SortedDictionary<string, NodeServiceView>(StringComparer.Ordinal);
            foreach (var service in catalog.ServicesOnNode(tenancy.Partition, node.Name)
                         .Where(s => string.Equals(s.Tenancy.Namespace, tenancy.Namespace, StringComparison.OrdinalIgnoreCase)))
            {
                // Why: Consul's node filter checks service:read against the map key, i.e. the service ID.
                if (!authz.ServiceRead(service.Id))
                {
                    filtered = true;
                    continue;
                }

                var view = CatalogViews.NodeService(service, Enterprise);
                if (filter is null || filter.Matches(JsonReply.ToObject(view, SimulatorJsonContext.Wire.NodeServiceView)))
                {
                    services[service.Id] = view;
                }
            }

            return (new NodeInfoView(CatalogViews.Node(node, catalog.Datacenter, Enterprise), services), nodeIndex);
        }, _state.Time, request.Aborted);
        var reply = result is null
            ? ApiResponse.JsonLiteral("null")
            : JsonReply.Of(result, SimulatorJsonContext.Wire.NodeInfoView, request.Pretty);
        return reply.WithQueryMeta(index, options.EffectiveConsistency, filtered && authz.ReportsFiltering);
    }

    private async Task<ApiResponse> NodeServicesAsync(ApiRequest request)
    {
        if (request.Remainder.Length == 0)
        {
            throw ConsulApiException.BadRequest("Missing node name");
        }

        var (tenancy, options, catalog, authz, filter) = ReadContext(request, NodeServiceFields);
        var filtered = false;
        var (result, index) = await BlockingQuery.RunAsync(_state.Sync, () => catalog.Changes, options, () =>
        {
            filtered = false;
            var node = FindNodeByNameOrId(catalog, tenancy.Partition, request.Remainder);
            if (node is null)
            {
                return (new NodeServicesView(null, null), catalog.NodeIndex(tenancy.Partition, request.Remainder));
            }

            var nodeIndex = catalog.NodeIndex(tenancy.Partition, node.Name);
            if (!authz.NodeRead(node.Name))
            {
                filtered = true;
                return (new NodeServicesView(null, null), nodeIndex);
            }

            var services = new List<NodeServiceView>();
            foreach (var service in catalog.ServicesOnNode(tenancy.Partition, node.Name)
                         .Where(s => tenancy.Namespace == "*" || string.Equals(s.Tenancy.Namespace, tenancy.Namespace, StringComparison.OrdinalIgnoreCase)))
            {
                if (!authz.ServiceRead(service.Service))
                {
                    filtered = true;
                    continue;
                }

                var view = CatalogViews.NodeService(service, Enterprise);
                if (filter is null || filter.Matches(JsonReply.ToObject(view, SimulatorJsonContext.Wire.NodeServiceView)))
                {
                    services.Add(view);
                }
            }

            // Why: state.NodeServiceList appends to a nil slice, so a node without (readable) services answers "Services":null.
            return (new NodeServicesView(CatalogViews.Node(node, catalog.Datacenter, Enterprise), services.Count == 0 ? null : services), nodeIndex);
        }, _state.Time, request.Aborted);
        return JsonReply.Of(result, SimulatorJsonContext.Wire.NodeServicesView, request.Pretty)
            .WithQueryMeta(index, options.EffectiveConsistency, filtered && authz.ReportsFiltering);
    }

    private async Task<ApiResponse> NodesAsync(ApiRequest request)
    {
        // Why: nodes are not namespaced, so ?ns is ignored here even on CE (hashicorp/consul#7305).
        var (tenancy, options, catalog, authz, filter) = ReadContext(request, NodeFields, checkNamespace: false, namespaceMatters: false);
        var filtered = false;
        var (result, index) = await BlockingQuery.RunAsync(_state.Sync, () => catalog.Changes, options, () =>
        {
            filtered = false;
            var nodes = new List<NodeView>();
            foreach (var node in catalog.Nodes(tenancy.Partition).Where(n => NodeMetaMatches(n, options)))
            {
                if (!authz.NodeRead(node.Name))
                {
                    filtered = true;
                    continue;
                }

                var view = CatalogViews.Node(node, catalog.Datacenter, Enterprise);
                if (filter is null || filter.Matches(JsonReply.ToObject(view, SimulatorJsonContext.Wire.NodeView)))
                {
                    nodes.Add(view);
                }
            }

            return (nodes, catalog.NodesTableIndex);
        }, _state.Time, request.Aborted);
        return JsonReply.Of(result, SimulatorJsonContext.Wire.ListNodeView, request.Pretty)
            .WithQueryMeta(index, options.EffectiveConsistency, filtered && authz.ReportsFiltering);
    }
}
