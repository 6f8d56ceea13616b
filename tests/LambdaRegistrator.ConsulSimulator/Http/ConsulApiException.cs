namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// An error reply of the simulated API: the status and the exact text/plain body Consul sends.
/// Why an exception: it mirrors Go's <c>return nil, err</c> through the handler into <c>wrap</c> (<c>agent/http.go</c>).
/// </summary>
internal sealed class ConsulApiException : Exception
{
    public ConsulApiException(int statusCode, string message) : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    /// <summary>
    /// True when the error came out of the RPC of a read endpoint whose handler sets its query meta with
    /// <c>defer setMeta(resp, &amp;out.QueryMeta)</c> (the catalog reads): the reply then still carries the index headers.
    /// </summary>
    public bool CarriesQueryMeta { get; private init; }

    /// <summary>This error as raised inside a read endpoint's RPC (see <see cref="CarriesQueryMeta"/>).</summary>
    public ConsulApiException WithQueryMeta() => new(StatusCode, Message) { CarriesQueryMeta = true };

    public static ConsulApiException BadRequest(string message) => new(400, message);

    public static ConsulApiException Internal(string message) => new(500, message);

    public static ConsulApiException Forbidden(string message) => new(403, message);
}
