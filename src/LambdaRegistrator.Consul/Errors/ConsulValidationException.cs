using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul rejected the request as invalid (400, or one of the 500 validation texts); retrying cannot help.</summary>
public class ConsulValidationException : ConsulException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulValidationException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulValidationException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient = false, Exception? innerException = null)
        : base(message, request, statusCode, responseBody, isTransient, innerException)
    {
    }
}
