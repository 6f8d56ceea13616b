using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul answered 404 for something other than a missing config entry (wrong address or path prefix, or a missing name).</summary>
internal sealed class ConsulNotFoundException : ConsulException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulNotFoundException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulNotFoundException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient = false, Exception? innerException = null)
        : base(message, request, statusCode, responseBody, isTransient, innerException)
    {
    }
}
