namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// An error reply of the simulated API: the status and the exact text/plain body Consul sends.
/// Why an exception: it mirrors Go's <c>return nil, err</c> through the handler into <c>wrap</c> (§1.4).
/// </summary>
internal sealed class ConsulApiException : Exception
{
    public ConsulApiException(int statusCode, string message) : base(message)
    {
        StatusCode = statusCode;
    }

    public int StatusCode { get; }

    public static ConsulApiException BadRequest(string message) => new(400, message);

    public static ConsulApiException Internal(string message) => new(500, message);

    public static ConsulApiException Forbidden(string message) => new(403, message);
}
