using Microsoft.AspNetCore.Http;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>One request to a simulated endpoint: decoded path remainder, query, token and tenancy resolution.</summary>
internal sealed class ApiRequest
{
    private readonly SimulatorSettings _settings;

    public ApiRequest(HttpContext http, string path, string remainder, SimulatorSettings settings, string agentDatacenter, CancellationToken aborted)
    {
        Http = http;
        Aborted = aborted;
        Path = path;
        Remainder = remainder;
        _settings = settings;
        AgentDatacenter = agentDatacenter;
    }

    /// <summary>The datacenter of the agent this request reached (each datacenter's agent has its own port).</summary>
    public string AgentDatacenter { get; }

    public HttpContext Http { get; }

    public string Method => Http.Request.Method;

    /// <summary>The URL-decoded path.</summary>
    public string Path { get; }

    /// <summary>The decoded part of the path after a subtree route's prefix (e.g. the service name).</summary>
    public string Remainder { get; }

    public IQueryCollection Query => Http.Request.Query;

    /// <summary>Cancelled when the client goes away or the simulator stops.</summary>
    public CancellationToken Aborted { get; }

    /// <summary>The request token by Consul's precedence: <c>?token=</c>, <c>X-Consul-Token</c>, <c>Authorization: Bearer</c>.</summary>
    public string? Token
    {
        get
        {
            if (Query.TryGetValue("token", out var queryToken) && !string.IsNullOrEmpty(queryToken[0]))
            {
                return queryToken[0];
            }

            var header = Http.Request.Headers["X-Consul-Token"].ToString();
            if (header.Length > 0)
            {
                return header;
            }

            var authorization = Http.Request.Headers.Authorization.ToString().Trim();
            var parts = authorization.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
            {
                return parts[1].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[0];
            }

            return null;
        }
    }

    public string? QueryValue(string name) =>
        Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The datacenter from <c>?datacenter=</c> (wins) or <c>?dc=</c>, else the agent's datacenter (<c>parseDC</c>).</summary>
    public string Datacenter
    {
        get
        {
            var dc = QueryValue("datacenter");
            if (string.IsNullOrEmpty(dc))
            {
                dc = QueryValue("dc");
            }

            return string.IsNullOrEmpty(dc) ? AgentDatacenter : dc;
        }
    }

    public bool Pretty => Query.ContainsKey("pretty");

    /// <summary>
    /// Resolves partition and namespace. CE rejects any ns/partition parameter or header with Consul's 400s (<c>agent/http_ce.go</c>);
    /// Enterprise takes body &gt; query &gt; header &gt; default.
    /// </summary>
    public Tenancy ResolveTenancy(bool checkNamespace = true, string? bodyNamespace = null, string? bodyPartition = null)
    {
        var queryNs = Query.ContainsKey("ns") ? QueryValue("ns") ?? "" : null;
        var queryPartition = Query.ContainsKey("partition") ? QueryValue("partition") ?? "" : null;
        var headerNs = Http.Request.Headers["X-Consul-Namespace"].ToString();
        var headerPartition = Http.Request.Headers["X-Consul-Partition"].ToString();
        if (!_settings.Enterprise)
        {
            if (checkNamespace && !string.IsNullOrEmpty(headerNs))
            {
                throw ConsulApiException.BadRequest("Invalid header: \"X-Consul-Namespace\" - Namespaces are a Consul Enterprise feature");
            }

            if (checkNamespace && queryNs is not null)
            {
                throw ConsulApiException.BadRequest("Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature");
            }

            if (!string.IsNullOrEmpty(headerPartition))
            {
                throw ConsulApiException.BadRequest("Invalid header: \"X-Consul-Partition\" - Partitions are a Consul Enterprise feature");
            }

            if (queryPartition is not null)
            {
                throw ConsulApiException.BadRequest("Invalid query parameter: \"partition\" - Partitions are a Consul Enterprise feature");
            }

            return Tenancy.Default;
        }

        var ns = FirstNonEmpty(bodyNamespace, queryNs, headerNs) ?? Tenancy.DefaultName;
        var partition = FirstNonEmpty(bodyPartition, queryPartition, headerPartition) ?? Tenancy.DefaultName;
        return new Tenancy(partition, ns);
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrEmpty(v));

    public async Task<byte[]> ReadBodyAsync()
    {
        using var buffer = new MemoryStream();
        await Http.Request.Body.CopyToAsync(buffer, Aborted);
        return buffer.ToArray();
    }
}
