using LambdaRegistrator.Consul.Agent;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Connect;

namespace LambdaRegistrator.Consul;

/// <summary>The Consul HTTP API calls the registrator makes. Failures throw <see cref="Errors.ConsulException"/> subtypes; expected outcomes (CAS lost, entry missing) are return values.</summary>
public interface IConsulClient
{
    /// <summary><c>PUT /v1/catalog/register</c>. The scope's datacenter goes into the body (Consul ignores <c>?dc</c> here).</summary>
    Task RegisterAsync(CatalogRegistration registration, ConsulScope scope, CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/catalog/deregister</c>; removing something already gone succeeds.</summary>
    Task DeregisterAsync(CatalogDeregistration deregistration, ConsulScope scope, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/catalog/node-services/:node</c>; an unknown node yields a null <see cref="CatalogNodeServiceList.Node"/> and no services.</summary>
    Task<QueryResult<CatalogNodeServiceList>> GetNodeServicesAsync(string node, ConsulScope scope, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/catalog/services</c>: service name to its distinct tags, optionally filtered by <c>node-meta</c> and <c>filter</c>.</summary>
    Task<QueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ListServicesAsync(ConsulScope scope, CatalogServicesQuery? query, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/catalog/service/:name</c>: every instance of the service (empty when unknown).</summary>
    Task<QueryResult<IReadOnlyList<CatalogService>>> GetServiceAsync(string service, ConsulScope scope, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/catalog/datacenters</c>: every datacenter of the WAN federation, nearest (the agent's own) first; needs no ACL rule.</summary>
    Task<IReadOnlyList<string>> ListDatacentersAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /v1/agent/self</c>: the agent's datacenter and the federation's primary; the token needs <c>agent:read</c> on the agent's node.</summary>
    Task<AgentSelf> GetAgentSelfAsync(CancellationToken cancellationToken);

    /// <summary><c>PUT /v1/config</c> of an entry of any kind; with <paramref name="cas"/> (0 = create only) returns false when the entry's ModifyIndex no longer matches.</summary>
    Task<bool> SetConfigEntryAsync(ConfigEntry entry, ConsulScope scope, ulong? cas, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/config/:kind/:name</c>; a missing entry yields a null value.</summary>
    Task<QueryResult<ConfigEntry?>> GetConfigEntryAsync(string kind, string name, ConsulScope scope, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/config/:kind</c>, optionally with a bexpr <paramref name="filter"/>.</summary>
    Task<QueryResult<IReadOnlyList<ConfigEntry>>> ListConfigEntriesAsync(string kind, ConsulScope scope, string? filter, CancellationToken cancellationToken);

    /// <summary><c>DELETE /v1/config/:kind/:name</c>; a missing entry counts as deleted. With <paramref name="cas"/> returns false when the ModifyIndex no longer matches.</summary>
    Task<bool> DeleteConfigEntryAsync(string kind, string name, ConsulScope scope, ulong? cas, CancellationToken cancellationToken);

    /// <summary><c>GET /v1/agent/connect/ca/roots</c>: the Connect CA roots and trust domain.</summary>
    Task<QueryResult<CARootList>> GetCARootsAsync(CancellationToken cancellationToken);

    /// <summary><c>GET /v1/agent/connect/ca/leaf/:service</c>: a leaf certificate and key for the service (in the scope's partition and namespace).</summary>
    Task<QueryResult<LeafCert>> GetLeafCertAsync(string service, ConsulScope scope, CancellationToken cancellationToken);
}
