using System.Globalization;
using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.Catalog;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary><c>PUT /v1/config</c>, <c>GET /v1/config/:kind[/:name]</c> and <c>DELETE /v1/config/:kind/:name</c> (§3).</summary>
internal sealed class ConfigEntryEndpoints
{
    private static readonly string[] ServiceDefaultsFilterFields =
    [
        "Kind", "Name", "Protocol", "Mode", "TransparentProxy", "MutualTLSMode", "MeshGateway", "Expose", "ExternalSNI",
        "UpstreamConfig", "Destination", "EnvoyExtensions", "Meta", "Namespace", "Partition",
    ];

    private readonly SimulatorState _state;

    public ConfigEntryEndpoints(SimulatorState state)
    {
        _state = state;
    }

    private bool Enterprise => _state.Settings.Enterprise;

    public void Register(RouteTable routes)
    {
        routes.Add("/v1/config", ["PUT"], ApplyAsync);
        routes.Add("/v1/config/", ["GET", "DELETE"], GetOrDeleteAsync, ":kind/:name");
    }

    private static ulong? ParseCas(ApiRequest request)
    {
        if (!request.Query.ContainsKey("cas"))
        {
            return null;
        }

        var text = request.QueryValue("cas") ?? "";
        // Why: Consul returns the raw strconv.ParseUint error as a 500.
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cas)
            ? cas
            : throw ConsulApiException.Internal($"strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }

    private static void EnsureWrite(Authorizer authz, string kind, string name)
    {
        if (ConfigEntryKinds.IsServiceScoped(kind))
        {
            if (!authz.ServiceWrite(name))
            {
                throw authz.Denied("service:write", name);
            }
        }
        else if (!authz.MeshWrite)
        {
            throw authz.Denied("mesh:write", null);
        }
    }

    private async Task<ApiResponse> ApplyAsync(ApiRequest request)
    {
        var body = await request.ReadBodyAsync();
        var decoded = ConfigEntryDecoder.Decode(body, Enterprise);
        var tenancy = request.ResolveTenancy(bodyNamespace: decoded.Namespace, bodyPartition: decoded.Partition);
        var cas = ParseCas(request);
        bool applied;
        lock (_state.Sync)
        {
            _state.Catalog(request.Datacenter);
            var authz = _state.Acl.Resolve(request.Token);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }

            if (decoded.Kind == ConfigEntryKinds.ServiceDefaults)
            {
                var error = ServiceDefaultsValidator.Validate(decoded.Fields, Enterprise);
                if (error is not null)
                {
                    throw ConsulApiException.Internal(error);
                }
            }
            else if (decoded.Name.Length == 0)
            {
                throw ConsulApiException.Internal("Name is required");
            }

            EnsureWrite(authz, decoded.Kind, decoded.Name);
            if (decoded.Kind == ConfigEntryKinds.ServiceDefaults)
            {
                decoded.Fields["Hash"] = ConfigEntryDecoder.Hash(decoded.Fields);
            }

            applied = _state.Config.Apply(
                new ConfigEntryRecord { Kind = decoded.Kind, Name = decoded.Name, Tenancy = tenancy, Fields = decoded.Fields }, cas);
        }

        return ApiResponse.JsonLiteral(applied ? "true" : "false");
    }

    private JsonObject View(ConfigEntryRecord entry)
    {
        var view = (JsonObject)entry.Fields.DeepClone();
        if (Enterprise)
        {
            view["Partition"] = entry.Tenancy.Partition;
            view["Namespace"] = entry.Tenancy.Namespace;
        }

        view["CreateIndex"] = entry.CreateIndex;
        view["ModifyIndex"] = entry.ModifyIndex;
        return view;
    }

    private async Task<ApiResponse> GetOrDeleteAsync(ApiRequest request)
    {
        var parts = request.Remainder.Split('/', 2);
        var kind = parts[0];
        var name = parts.Length == 2 ? parts[1] : null;
        return request.Method == "DELETE" ? Delete(request, kind, name) : await GetAsync(request, kind, name);
    }

    private ApiResponse Delete(ApiRequest request, string kind, string? name)
    {
        var tenancy = request.ResolveTenancy();
        if (name is null)
        {
            throw new ConsulApiException(404, "Must provide both a kind and name to delete");
        }

        if (!ConfigEntryKinds.All.Contains(kind))
        {
            throw ConsulApiException.BadRequest("invalid config entry kind: " + kind);
        }

        var cas = ParseCas(request);
        bool deleted;
        lock (_state.Sync)
        {
            _state.Catalog(request.Datacenter);
            var authz = _state.Acl.Resolve(request.Token);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }

            EnsureWrite(authz, kind, name);
            deleted = _state.Config.Delete(tenancy, kind, name, cas);
        }

        // Why: without cas Consul replies {} whether or not the entry existed; with cas, true/false.
        return ApiResponse.JsonLiteral(cas is null ? "{}" : deleted ? "true" : "false");
    }

    private async Task<ApiResponse> GetAsync(ApiRequest request, string kind, string? name)
    {
        var tenancy = request.ResolveTenancy();
        var options = QueryOptions.Parse(request);
        if (kind.Length > 0 && !ConfigEntryKinds.All.Contains(kind))
        {
            throw ConsulApiException.Internal("invalid config entry kind: " + kind);
        }

        Authorizer authz;
        lock (_state.Sync)
        {
            _state.Catalog(request.Datacenter);
            authz = _state.Acl.Resolve(request.Token);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }
        }

        if (name is not null)
        {
            // Why: the read permission is checked on a dummy entry before the lookup, so a denied token gets 403 even for a missing entry.
            if (ConfigEntryKinds.IsServiceScoped(kind) && !authz.ServiceRead(name))
            {
                throw authz.Denied("service:read", name);
            }

            var (entry, index) = await BlockingQuery.RunAsync(_state.Sync, () => _state.Config.Changes, options,
                () => (_state.Config.Find(tenancy, kind, name) is { } found ? View(found) : null, _state.Config.TableIndex), request.Aborted);
            var reply = entry is null
                ? ApiResponse.Text(404, $"Config entry not found for \"{kind}\" / \"{name}\"")
                : JsonReply.Of(entry, request.Pretty);
            return reply.WithQueryMeta(index);
        }

        if (options.Filter is not null && kind != ConfigEntryKinds.ServiceDefaults)
        {
            throw ConsulApiException.Internal("filtering not supported for config entry kind=" + kind);
        }

        var filter = CatalogEndpoints.CompileFilter(options, ServiceDefaultsFilterFields);
        var filtered = false;
        var (list, listIndex) = await BlockingQuery.RunAsync(_state.Sync, () => _state.Config.Changes, options, () =>
        {
            filtered = false;
            var array = new JsonArray();
            foreach (var entry in _state.Config.List(Enterprise ? tenancy : Tenancy.Default, kind.Length == 0 ? null : kind))
            {
                if (ConfigEntryKinds.IsServiceScoped(entry.Kind) && !authz.ServiceRead(entry.Name))
                {
                    filtered = true;
                    continue;
                }

                var view = View(entry);
                if (filter is null || filter.Matches(view))
                {
                    array.Add(view);
                }
            }

            return (array, _state.Config.TableIndex);
        }, request.Aborted);
        return JsonReply.Of(list, request.Pretty).WithQueryMeta(listIndex, null, filtered && authz.ReportsFiltering);
    }
}
