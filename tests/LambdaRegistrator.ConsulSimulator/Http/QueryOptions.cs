using System.Globalization;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>The common query parameters of read endpoints (<c>parseWait</c>, <c>parseConsistency</c> in <c>agent/http.go</c>): blocking, consistency, filter, node-meta.</summary>
internal sealed record QueryOptions
{
    /// <summary>Why: Consul's default_query_time (5 min) and max_query_time (10 min).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    public ulong? Index { get; init; }
    public TimeSpan Wait { get; init; } = DefaultWait;
    public bool Stale { get; init; }
    public bool Consistent { get; init; }
    public string? Filter { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> NodeMeta { get; init; } = [];

    public string EffectiveConsistency => Stale ? "stale" : Consistent ? "consistent" : "leader";

    /// <summary>Parses and validates the parameters with Consul's 400 texts.</summary>
    public static QueryOptions Parse(ApiRequest request)
    {
        var query = request.Query;
        var wait = DefaultWait;
        if (query.TryGetValue("wait", out var waitText) && waitText.Count > 0)
        {
            if (!GoDuration.TryParse(waitText[0] ?? "", out wait))
            {
                throw ConsulApiException.BadRequest("Invalid wait time");
            }

            if (wait > MaxWait)
            {
                wait = MaxWait;
            }
        }

        ulong? index = null;
        if (query.TryGetValue("index", out var indexText) && indexText.Count > 0)
        {
            if (!ulong.TryParse(indexText[0], NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                throw ConsulApiException.BadRequest("Invalid index");
            }

            index = parsed;
        }

        var stale = query.ContainsKey("stale");
        var consistent = query.ContainsKey("consistent");
        if (query.TryGetValue("max_stale", out var maxStale) && maxStale.Count > 0)
        {
            if (!GoDuration.TryParse(maxStale[0] ?? "", out _))
            {
                throw ConsulApiException.BadRequest($"Invalid max_stale value \"{maxStale[0]}\"");
            }

            stale = true;
        }

        if (stale && consistent)
        {
            throw ConsulApiException.BadRequest("Cannot specify ?stale with ?consistent, conflicting semantics.");
        }

        if (query.ContainsKey("cached") && consistent)
        {
            throw ConsulApiException.BadRequest("Cannot specify ?cached with ?consistent, conflicting semantics.");
        }

        var nodeMeta = new List<KeyValuePair<string, string>>();
        if (query.TryGetValue("node-meta", out var metas))
        {
            foreach (var pair in metas)
            {
                var text = pair ?? "";
                var colon = text.IndexOf(':', StringComparison.Ordinal);
                nodeMeta.Add(colon < 0 ? new(text, "") : new(text[..colon], text[(colon + 1)..]));
            }
        }

        string? filter = query.TryGetValue("filter", out var filterText) && filterText.Count > 0 ? filterText[0] : null;
        return new QueryOptions
        {
            Index = index,
            Wait = wait,
            Stale = stale,
            Consistent = consistent,
            Filter = string.IsNullOrEmpty(filter) ? null : filter,
            NodeMeta = nodeMeta,
        };
    }
}
