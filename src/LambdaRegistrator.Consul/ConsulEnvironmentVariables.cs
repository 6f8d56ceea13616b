namespace LambdaRegistrator.Consul;

/// <summary>The names of Consul's standard client environment variables, as the Go client and CLI read them.</summary>
public static class ConsulEnvironmentVariables
{
    /// <summary>Agent address: <c>host:port</c> or an <c>http://</c>/<c>https://</c> URL, optionally with a path prefix.</summary>
    public const string HttpAddr = "CONSUL_HTTP_ADDR";

    /// <summary>ACL token sent as <c>X-Consul-Token</c>.</summary>
    public const string HttpToken = "CONSUL_HTTP_TOKEN";

    /// <summary>File holding the ACL token; its trimmed content wins over <see cref="HttpToken"/>.</summary>
    public const string HttpTokenFile = "CONSUL_HTTP_TOKEN_FILE";

    /// <summary>HTTP basic auth as <c>user:password</c> (or <c>user</c>), for a proxy in front of Consul; never logged.</summary>
    public const string HttpAuth = "CONSUL_HTTP_AUTH";

    /// <summary>Boolean (Go <c>strconv.ParseBool</c>): true switches the scheme to https.</summary>
    public const string HttpSsl = "CONSUL_HTTP_SSL";

    /// <summary>Boolean: false skips verification of Consul's certificate.</summary>
    public const string HttpSslVerify = "CONSUL_HTTP_SSL_VERIFY";

    /// <summary>Path of a PEM file with the CA certificate(s) that signed Consul's HTTPS certificate.</summary>
    public const string CaCert = "CONSUL_CACERT";

    /// <summary>Directory of CA files: not supported here (see the error it produces).</summary>
    public const string CaPath = "CONSUL_CAPATH";

    /// <summary>Path of the PEM client certificate (with <see cref="ClientKey"/>) for <c>verify_incoming</c>.</summary>
    public const string ClientCert = "CONSUL_CLIENT_CERT";

    /// <summary>Path of the PEM private key of <see cref="ClientCert"/>.</summary>
    public const string ClientKey = "CONSUL_CLIENT_KEY";

    /// <summary>Name to verify Consul's certificate against instead of the address host.</summary>
    public const string TlsServerName = "CONSUL_TLS_SERVER_NAME";

    /// <summary>Enterprise: default namespace sent as <c>ns</c>.</summary>
    public const string Namespace = "CONSUL_NAMESPACE";

    /// <summary>Enterprise: default admin partition sent as <c>partition</c>.</summary>
    public const string Partition = "CONSUL_PARTITION";
}
