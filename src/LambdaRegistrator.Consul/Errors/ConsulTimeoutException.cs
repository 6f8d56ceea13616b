using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul did not answer within ConsulClientOptions.Timeout.</summary>
internal sealed class ConsulTimeoutException : ConsulUnavailableException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulTimeoutException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulTimeoutException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient = true, Exception? innerException = null)
        : base(message, request, statusCode, responseBody, isTransient, innerException)
    {
    }
}
