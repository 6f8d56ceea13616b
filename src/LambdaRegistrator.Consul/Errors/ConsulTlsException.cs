namespace LambdaRegistrator.Consul.Errors;

/// <summary>The TLS connection to Consul failed closed; <see cref="Kind"/> says why and the message says what to set.</summary>
internal sealed class ConsulTlsException : ConsulUnavailableException
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulTlsException()
    {
    }

    /// <summary>Creates an error with <paramref name="message"/>.</summary>
    public ConsulTlsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an error with <paramref name="message"/> caused by <paramref name="innerException"/>.</summary>
    public ConsulTlsException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the error for one request whose TLS handshake failed.</summary>
    public ConsulTlsException(string message, string request, TlsFailureKind kind, Exception? innerException)
        : base(message, request, statusCode: null, responseBody: null, isTransient: false, innerException)
    {
        Kind = kind;
    }

    /// <summary>Which check failed.</summary>
    public TlsFailureKind Kind { get; }
}
