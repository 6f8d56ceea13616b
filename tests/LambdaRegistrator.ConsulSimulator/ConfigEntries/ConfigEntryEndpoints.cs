using System.Globalization;
using System.Text.Json.Nodes;
using LambdaRegistrator.ConsulSimulator.Catalog;
using LambdaRegistrator.ConsulSimulator.Http;
using LambdaRegistrator.ConsulSimulator.Json;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// <c>PUT /v1/config</c>, <c>GET /v1/config/:kind[/:name]</c> and <c>DELETE /v1/config/:kind/:name</c>
/// (<c>agent/config_endpoint.go</c> over <c>agent/consul/config_endpoint.go</c>). Writes land in the primary datacenter
/// whatever <c>?dc=</c> says and reach the secondaries by replication; reads are answered by the datacenter asked.
/// </summary>
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
        var text = request.QueryValue("cas");
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        // Why: Consul returns the raw strconv.ParseUint error as a 500.
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var cas)
            ? cas
            : throw ConsulApiException.Internal($"strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }

    /// <summary>
    /// The tenancy an entry is stored under. Why exported-services differs: its Normalize sets the entry's enterprise meta
    /// to the partition its name names, so on Enterprise the name is the partition.
    /// </summary>
    private Tenancy StoredTenancy(string kind, string name, Tenancy requested) =>
        !Enterprise ? Tenancy.Default
        : kind == ConfigEntryKinds.ExportedServices ? new Tenancy(name, Tenancy.DefaultName)
        : requested;

    /// <summary>The tenancy reads look an entry up in; exported-services are per partition, in its default namespace.</summary>
    private Tenancy LookupTenancy(string kind, Tenancy requested) =>
        !Enterprise ? Tenancy.Default
        : kind == ConfigEntryKinds.ExportedServices ? requested with { Namespace = Tenancy.DefaultName }
        : requested;

    /// <summary>Normalize then Validate, per kind; returns the validation error (a 500 in Consul) or null.</summary>
    private string? NormalizeAndValidate(ConfigEntryDecoder.Decoded decoded, Tenancy tenancy)
    {
        switch (decoded.Kind)
        {
            case ConfigEntryKinds.ServiceDefaults:
                decoded.Fields["Hash"] = ConfigEntryDecoder.Hash(decoded.Fields);
                return ServiceDefaultsValidator.Validate(decoded.Fields, Enterprise);
            case ConfigEntryKinds.TerminatingGateway:
                TerminatingGatewayRules.Normalize(decoded.Fields, tenancy, Enterprise);
                // The entry's name is not validated by Consul; an empty one fails in the state store (see the docs).
                return TerminatingGatewayRules.Validate(decoded.Fields) ?? (decoded.Name.Length == 0 ? "Name is required" : null);
            case ConfigEntryKinds.ExportedServices:
                ExportedServicesRules.Normalize(decoded.Fields, Enterprise);
                return ExportedServicesRules.Validate(decoded.Fields, Enterprise) ?? (decoded.Name.Length == 0 ? "Name is required" : null);
            default:
                return decoded.Name.Length == 0 ? "Name is required" : null;
        }
    }

    private async Task<ApiResponse> ApplyAsync(ApiRequest request)
    {
        var body = await request.ReadBodyAsync();
        var decoded = ConfigEntryDecoder.Decode(body, Enterprise);
        var requested = request.ResolveTenancy(bodyNamespace: decoded.Namespace, bodyPartition: decoded.Partition);
        var cas = ParseCas(request);
        bool applied;
        lock (_state.Sync)
        {
            // Why: gateWriteToSecondary refuses exported-services writes aimed at any datacenter but the primary.
            if (decoded.Kind == ConfigEntryKinds.ExportedServices && request.Datacenter != _state.Settings.PrimaryDatacenter)
            {
                throw ConsulApiException.Internal("exported-services writes must not target secondary datacenters.");
            }

            var authz = _state.Acl.Resolve(request.Token);
            var tenancy = StoredTenancy(decoded.Kind, decoded.Name, requested);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }

            if (NormalizeAndValidate(decoded, tenancy) is { } error)
            {
                throw ConsulApiException.Internal(error);
            }

            if (ConfigEntryAcl.WriteDenied(authz, decoded.Kind, decoded.Name) is { } denied)
            {
                throw denied;
            }

            // Why: ConfigEntry.Apply sets the request's datacenter to the primary before forwarding, whatever ?dc= said.
            applied = _state.PrimaryDatacenter.Config.Apply(
                new ConfigEntryRecord { Kind = decoded.Kind, Name = decoded.Name, Tenancy = tenancy, Fields = decoded.Fields }, cas);
            _state.Replication.PrimaryChanged();
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
        if (name is null)
        {
            throw new ConsulApiException(404, "Must provide both a kind and name to delete");
        }

        if (!ConfigEntryKinds.All.Contains(kind))
        {
            throw ConsulApiException.BadRequest("invalid config entry kind: " + kind);
        }

        var requested = request.ResolveTenancy();
        var cas = ParseCas(request);
        bool deleted;
        lock (_state.Sync)
        {
            var authz = _state.Acl.Resolve(request.Token);
            var tenancy = StoredTenancy(kind, name, requested);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(tenancy);
            }

            if (ConfigEntryAcl.WriteDenied(authz, kind, name) is { } denied)
            {
                throw denied;
            }

            // Why: ConfigEntry.Delete forwards to the primary like Apply (without Apply's exported-services gate).
            deleted = _state.PrimaryDatacenter.Config.Delete(tenancy, kind, name, cas);
            _state.Replication.PrimaryChanged();
        }

        // Why: without cas Consul replies {} whether or not the entry existed; with cas, true/false.
        return ApiResponse.JsonLiteral(cas is null ? "{}" : deleted ? "true" : "false");
    }

    private async Task<ApiResponse> GetAsync(ApiRequest request, string kind, string? name)
    {
        var requested = request.ResolveTenancy();
        var options = QueryOptions.Parse(request);
        if (kind.Length > 0 && !ConfigEntryKinds.All.Contains(kind))
        {
            throw ConsulApiException.Internal("invalid config entry kind: " + kind);
        }

        DatacenterState datacenter;
        Acl.Authorizer authz;
        lock (_state.Sync)
        {
            datacenter = _state.Datacenter(request.Datacenter);
            authz = _state.Acl.Resolve(request.Token);
            if (Enterprise)
            {
                _state.Tenancies.EnsureExists(requested);
            }
        }

        if (name is not null)
        {
            // Why: Get checks CanRead on a dummy entry before the lookup, so a denied token gets 403 even for a missing entry.
            if (ConfigEntryAcl.ReadDenied(authz, kind, name) is { } denied)
            {
                throw denied;
            }

            var tenancy = LookupTenancy(kind, requested);
            var (entry, index) = await BlockingQuery.RunAsync(_state.Sync, () => datacenter.Raft.Changes, options,
                () => (datacenter.Config.Find(tenancy, kind, name) is { } found ? View(found) : null, datacenter.Config.TableIndex),
                _state.Time, request.Aborted);
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
        var listTenancy = Enterprise ? requested : Tenancy.Default;
        var (list, listIndex) = await BlockingQuery.RunAsync(_state.Sync, () => datacenter.Raft.Changes, options, () =>
        {
            filtered = false;
            var array = new JsonArray();
            foreach (var entry in datacenter.Config.List(kind == ConfigEntryKinds.ExportedServices ? LookupTenancy(kind, listTenancy) : listTenancy,
                         kind.Length == 0 ? null : kind))
            {
                if (ConfigEntryAcl.ReadDenied(authz, entry.Kind, entry.Name) is not null)
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

            return (array, datacenter.Config.TableIndex);
        }, _state.Time, request.Aborted, ContentKey);
        return JsonReply.Of(list, request.Pretty).WithQueryMeta(listIndex, null, filtered && authz.ReportsFiltering);
    }

    /// <summary>
    /// Why: ConfigEntry.List hashes the ACL-filtered entries (raft indexes are <c>hash:"ignore"</c>) and answers
    /// errNotChanged while the hash stays the same.
    /// </summary>
    private static string ContentKey(JsonArray entries)
    {
        var copy = new JsonArray();
        foreach (var entry in entries.OfType<JsonObject>())
        {
            var clone = entry.DeepClone().AsObject();
            clone.Remove("CreateIndex");
            clone.Remove("ModifyIndex");
            copy.Add(clone);
        }

        return MapEquality.Canonical(copy);
    }
}
