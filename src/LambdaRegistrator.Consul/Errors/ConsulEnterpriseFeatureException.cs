using System.Net;

namespace LambdaRegistrator.Consul.Errors;

/// <summary>A namespace or partition was sent to a Community Edition Consul, which rejects them (400).</summary>
internal sealed class ConsulEnterpriseFeatureException : ConsulValidationException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulEnterpriseFeatureException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulEnterpriseFeatureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulEnterpriseFeatureException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for one rejected request.</summary>
    public ConsulEnterpriseFeatureException(string message, string request, HttpStatusCode statusCode, string responseBody)
        : base(message, request, statusCode, responseBody, isTransient: false)
    {
    }
}
