using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>Consul refused the request because a rate limit was hit (429, or 503 with a rate-limit text).</summary>
internal sealed class ConsulRateLimitedException : ConsulException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulRateLimitedException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulRateLimitedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulRateLimitedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an error about one request and, when Consul answered, its status and body.</summary>
    public ConsulRateLimitedException(string message, string request, HttpStatusCode? statusCode, string? responseBody, bool isTransient = true, Exception? innerException = null)
        : base(message, request, statusCode, responseBody, isTransient, innerException)
    {
    }
}
