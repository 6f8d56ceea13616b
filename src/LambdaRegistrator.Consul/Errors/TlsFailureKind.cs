namespace LambdaRegistrator.Consul.Errors;

/// <summary>Why the TLS connection to Consul was refused.</summary>
internal enum TlsFailureKind
{
    /// <summary>The handshake failed for another reason (protocol mismatch, plain HTTP server, client certificate refused).</summary>
    Handshake,

    /// <summary>Consul's certificate does not chain to the configured CA (or to the system trust store).</summary>
    UntrustedCertificate,

    /// <summary>Consul's certificate does not name the expected host (address host or <c>CONSUL_TLS_SERVER_NAME</c>).</summary>
    NameMismatch,

    /// <summary>Consul's certificate (or one in its chain) is expired or not yet valid.</summary>
    Expired,
}
