using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul could not be reached or could not serve the request (connection, DNS, TLS, no leader, gateway errors).</summary>
public class ConsulUnavailableException : ConsulException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulUnavailableException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulUnavailableException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient = true, Exception? innerException = null)
        : base(message, request, statusCode, responseBody, isTransient, innerException)
    {
    }
}
