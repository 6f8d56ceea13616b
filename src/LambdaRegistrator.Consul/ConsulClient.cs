using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.Consul.Agent;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Connect;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Http;

namespace LambdaRegistrator.Consul;

/// <summary>A thin typed client of Consul's HTTP API (catalog, config entries of any kind, Connect CA).</summary>
public sealed class ConsulClient : IConsulClient, IDisposable
{
    private readonly ConsulHttp _http;
    private readonly HttpClient? _ownedHttpClient;
    private readonly ConsulTlsValidator? _tls;
    private readonly X509Certificate2? _clientCertificate;

    /// <summary>Creates a client with its own connection pool and TLS settings from <paramref name="options"/>.</summary>
    /// <exception cref="ConsulConfigurationException">The TLS material in <paramref name="options"/> is unusable.</exception>
    /// <param name="observer">Told about every request and retry (per-invocation metrics, retry logs); null for none.</param>
    public ConsulClient(ConsulClientOptions options, ConsulRetryPolicy? retryPolicy = null, IConsulRequestObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _tls = new ConsulTlsValidator(options);
        try
        {
            var handler = ConsulHttpHandlerFactory.Create(options, _tls, out _clientCertificate);
            _ownedHttpClient = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        }
        catch
        {
            _tls.Dispose();
            throw;
        }

        _http = new ConsulHttp(_ownedHttpClient, options, retryPolicy ?? ConsulRetryPolicy.Default, _tls, observer);
    }

    /// <summary>Creates a client over a caller-owned <see cref="HttpClient"/> (its handler's TLS settings apply; the TLS options here are not used).</summary>
    /// <param name="observer">Told about every request and retry; null for none.</param>
    public ConsulClient(HttpClient httpClient, ConsulClientOptions options, ConsulRetryPolicy? retryPolicy = null, IConsulRequestObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        _http = new ConsulHttp(httpClient, options, retryPolicy ?? ConsulRetryPolicy.Default, tls: null, observer);
    }

    /// <summary>The settings this client uses.</summary>
    public ConsulClientOptions Options { get; }

    /// <inheritdoc />
    public async Task RegisterAsync(CatalogRegistration registration, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var body = registration.Datacenter is null && !string.IsNullOrEmpty(scope.Datacenter)
            ? registration with { Datacenter = scope.Datacenter }
            : registration;
        await _http.SendAsync(HttpMethod.Put, "/v1/catalog/register", Scope(scope, includeDatacenter: false), ConsulJson.Serialize(body), accept: null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DeregisterAsync(CatalogDeregistration deregistration, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deregistration);
        var body = deregistration.Datacenter is null && !string.IsNullOrEmpty(scope.Datacenter)
            ? deregistration with { Datacenter = scope.Datacenter }
            : deregistration;

        // Why: without node:write Consul answers 500 "Unknown service ID" instead of the usual no-op for a service that is
        // already gone; for a deregistration that is success.
        static bool AlreadyGone(HttpStatusCode status, string text) =>
            status == HttpStatusCode.InternalServerError
            && (text.Contains("Unknown service ID", StringComparison.Ordinal) || text.Contains("Unknown check ID", StringComparison.Ordinal));

        await _http.SendAsync(HttpMethod.Put, "/v1/catalog/deregister", Scope(scope, includeDatacenter: false), ConsulJson.Serialize(body), AlreadyGone, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<QueryResult<CatalogNodeServiceList>> GetNodeServicesAsync(string node, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(node);
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/catalog/node-services/" + Uri.EscapeDataString(node), Scope(scope), body: null, accept: null, cancellationToken)
            .ConfigureAwait(false);
        return new(Decode<CatalogNodeServiceList>(response, "GET /v1/catalog/node-services") ?? new CatalogNodeServiceList(), response.Meta);
    }

    /// <inheritdoc />
    public async Task<QueryResult<IReadOnlyDictionary<string, IReadOnlyList<string>>>> ListServicesAsync(ConsulScope scope, CatalogServicesQuery? query, CancellationToken cancellationToken)
    {
        var parameters = Scope(scope);
        if (query?.NodeMeta is { } nodeMeta)
        {
            foreach (var (key, value) in nodeMeta.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                parameters.Add("node-meta", $"{key}:{value}");
            }
        }

        parameters.Add("filter", query?.Filter);
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/catalog/services", parameters, body: null, accept: null, cancellationToken).ConfigureAwait(false);
        var raw = Decode<Dictionary<string, List<string>>>(response, "GET /v1/catalog/services");
        var services = new Dictionary<string, IReadOnlyList<string>>(raw?.Count ?? 0, StringComparer.Ordinal);
        foreach (var (name, tags) in raw ?? [])
        {
            services[name] = tags ?? [];
        }

        return new(services, response.Meta);
    }

    /// <inheritdoc />
    public async Task<QueryResult<IReadOnlyList<CatalogService>>> GetServiceAsync(string service, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/catalog/service/" + Uri.EscapeDataString(service), Scope(scope), body: null, accept: null, cancellationToken)
            .ConfigureAwait(false);
        return new(Decode<List<CatalogService>>(response, "GET /v1/catalog/service") ?? [], response.Meta);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListDatacentersAsync(CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/catalog/datacenters", new ConsulQuery(), body: null, accept: null, cancellationToken).ConfigureAwait(false);
        return Decode<List<string>>(response, "GET /v1/catalog/datacenters") ?? [];
    }

    /// <inheritdoc />
    public async Task<AgentSelf> GetAgentSelfAsync(CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/agent/self", new ConsulQuery(), body: null, accept: null, cancellationToken).ConfigureAwait(false);
        return Decode<AgentSelf>(response, "GET /v1/agent/self") ?? new AgentSelf();
    }

    /// <inheritdoc />
    public async Task<bool> SetConfigEntryAsync(ConfigEntry entry, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Kind, nameof(entry));
        ArgumentException.ThrowIfNullOrEmpty(entry.Name, nameof(entry));
        var parameters = Scope(scope).Add("cas", cas?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(HttpMethod.Put, "/v1/config", parameters, ConsulJson.Serialize(entry), accept: null, cancellationToken).ConfigureAwait(false);

        // Why: as Go's ConfigEntries().Set/CAS, the answer is the body "true" or "false" (false = CAS index mismatch).
        return BodyIsTrue(response);
    }

    /// <inheritdoc />
    public async Task<QueryResult<ConfigEntry?>> GetConfigEntryAsync(string kind, string name, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        static bool Missing(HttpStatusCode status, string text) =>
            status == HttpStatusCode.NotFound && text.Contains("Config entry not found", StringComparison.OrdinalIgnoreCase);

        var response = await _http.SendAsync(HttpMethod.Get, ConfigPath(kind) + "/" + Uri.EscapeDataString(name), Scope(scope), body: null, Missing, cancellationToken)
            .ConfigureAwait(false);
        var entry = response.Status == HttpStatusCode.NotFound ? null : Decode<ConfigEntry>(response, "GET /v1/config/" + kind);
        return new(entry, response.Meta);
    }

    /// <inheritdoc />
    public async Task<QueryResult<IReadOnlyList<ConfigEntry>>> ListConfigEntriesAsync(string kind, ConsulScope scope, string? filter, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        var response = await _http.SendAsync(HttpMethod.Get, ConfigPath(kind), Scope(scope).Add("filter", filter), body: null, accept: null, cancellationToken).ConfigureAwait(false);
        return new(Decode<List<ConfigEntry>>(response, "GET /v1/config/" + kind) ?? [], response.Meta);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteConfigEntryAsync(string kind, string name, ConsulScope scope, ulong? cas, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentException.ThrowIfNullOrEmpty(name);
        var parameters = Scope(scope).Add("cas", cas?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var response = await _http.SendAsync(HttpMethod.Delete, ConfigPath(kind) + "/" + Uri.EscapeDataString(name), parameters, body: null, accept: null, cancellationToken)
            .ConfigureAwait(false);

        // Why: without cas Consul answers {} (also when the entry is already gone); with cas it answers true or false.
        return cas is null || BodyIsTrue(response);
    }

    /// <inheritdoc />
    public async Task<QueryResult<CARootList>> GetCARootsAsync(CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/agent/connect/ca/roots", new ConsulQuery(), body: null, accept: null, cancellationToken).ConfigureAwait(false);
        return new(Decode<CARootList>(response, "GET /v1/agent/connect/ca/roots") ?? new CARootList(), response.Meta);
    }

    /// <inheritdoc />
    public async Task<QueryResult<LeafCert>> GetLeafCertAsync(string service, ConsulScope scope, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(service);
        var request = "GET /v1/agent/connect/ca/leaf";
        var response = await _http.SendAsync(HttpMethod.Get, "/v1/agent/connect/ca/leaf/" + Uri.EscapeDataString(service), Scope(scope), body: null, accept: null, cancellationToken)
            .ConfigureAwait(false);
        var leaf = Decode<LeafCert>(response, request)
            ?? throw new ConsulException($"Consul answered {request} for '{service}' with an empty body. Check that Connect is enabled on the Consul servers.", request, response.Status, null, isTransient: false);
        return new(leaf, response.Meta);
    }

    /// <summary>Releases the connection pool this client created (nothing when the HttpClient was supplied).</summary>
    public void Dispose()
    {
        _ownedHttpClient?.Dispose();
        _clientCertificate?.Dispose();
        _tls?.Dispose();
    }

    private static string ConfigPath(string kind) => "/v1/config/" + Uri.EscapeDataString(kind);

    private ConsulQuery Scope(ConsulScope scope, bool includeDatacenter = true) =>
        new ConsulQuery()
            .Add("dc", includeDatacenter ? scope.Datacenter : null)
            .Add("partition", Partition(scope))
            .Add("ns", string.IsNullOrEmpty(scope.Namespace) ? Options.Namespace : scope.Namespace);

    private string? Partition(ConsulScope scope) => string.IsNullOrEmpty(scope.Partition) ? Options.Partition : scope.Partition;

    private static bool BodyIsTrue(ConsulResponse response) =>
        Encoding.UTF8.GetString(response.Body).Contains("true", StringComparison.Ordinal);

    private T? Decode<T>(ConsulResponse response, string request)
    {
        try
        {
            return ConsulJson.Deserialize<T>(response.Body);
        }
        catch (JsonException e)
        {
            throw new ConsulException(
                $"Consul at {_http.Address} answered {request} with a body that is not the expected JSON ({e.Message}). Check that CONSUL_HTTP_ADDR points at a Consul agent, not a proxy page.",
                request, response.Status, responseBody: null, isTransient: false, e);
        }
    }
}
