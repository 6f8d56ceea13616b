using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>A Consul call failed; the message says what happened and what to do. Subclasses narrow the cause.</summary>
public class ConsulException : Exception
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulException()
        : this("The Consul request failed.")
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        Request = request;
        StatusCode = statusCode;
        ResponseBody = responseBody;
        IsTransient = isTransient;
    }

    /// <summary>The request as <c>METHOD /path?query</c> (never holds the token, which only travels in a header).</summary>
    public string? Request { get; }

    /// <summary>Consul's HTTP status, or null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Consul's error text (trimmed), or null when no response arrived.</summary>
    public string? ResponseBody { get; }

    /// <summary>Trying again later may succeed (network, leader election, rate limit); the client already retried it.</summary>
    public bool IsTransient { get; }
}
