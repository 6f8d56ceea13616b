namespace LambdaRegistrator.ConsulSimulator.Faults;

/// <summary>
/// One injected fault: requests whose path starts with <see cref="PathPrefix"/> (and whose method is
/// <see cref="Method"/>, when set) are delayed by <see cref="Delay"/>, then either answered with
/// <see cref="StatusCode"/>/<see cref="Body"/>, dropped without a response, or (delay only) served normally.
/// <see cref="Count"/> limits the rule to the next N matching requests ("fail next N"); null means every one.
/// </summary>
public sealed record FaultRule
{
    /// <summary>Path prefix the rule applies to, e.g. <c>/v1/catalog/register</c> or <c>/v1/</c>.</summary>
    public required string PathPrefix { get; init; }

    /// <summary>HTTP method to match (case-insensitive); null matches any method.</summary>
    public string? Method { get; init; }

    /// <summary>Status code to answer with instead of serving the request; null to serve (or drop) it.</summary>
    public int? StatusCode { get; init; }

    /// <summary>text/plain body sent with <see cref="StatusCode"/>.</summary>
    public string? Body { get; init; }

    /// <summary>
    /// Headers sent with <see cref="StatusCode"/>, e.g. <c>Retry-After</c>. Consul itself never sends <c>Retry-After</c>;
    /// a rule with it plays a proxy or load balancer in front of Consul.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Delay added before the fault (or the normal reply).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Abort the connection without any HTTP response.</summary>
    public bool DropConnection { get; init; }

    /// <summary>
    /// Runs after <see cref="Delay"/> and before the request is served: e.g. another writer's change between a client's
    /// read and its check-and-set write. Requests it makes itself are not matched by this rule once its count is used up.
    /// </summary>
    public Func<Task>? BeforeServe { get; init; }

    /// <summary>How many matching requests the rule still applies to; null for all of them.</summary>
    public int? Count { get; init; }

    /// <summary>A rule that fails the next <paramref name="count"/> requests under <paramref name="pathPrefix"/> with a 500.</summary>
    public static FaultRule FailNext(int count, string pathPrefix = "/v1/", int statusCode = 500, string body = "simulated failure (fault injection)") =>
        new() { PathPrefix = pathPrefix, Count = count, StatusCode = statusCode, Body = body };
}
