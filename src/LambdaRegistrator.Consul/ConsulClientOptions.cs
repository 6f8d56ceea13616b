using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul;

/// <summary>How to reach Consul: address, ACL token, TLS material (PEM held in memory), Enterprise defaults and timeout.</summary>
public sealed record ConsulClientOptions
{
    /// <summary>Go client default address (<c>localhost:8500</c> over http).</summary>
    public static readonly Uri DefaultAddress = new("http://localhost:8500/");

    /// <summary>The agent's base URL; a path after the host is a prefix for every API path.</summary>
    public Uri Address { get; init; } = DefaultAddress;

    /// <summary>ACL token sent as <c>X-Consul-Token</c>; null or empty sends none. Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>HTTP basic auth for a proxy in front of Consul (<c>CONSUL_HTTP_AUTH</c>); null sends none. Never logged.</summary>
    public ConsulBasicAuth? HttpAuth { get; init; }

    /// <summary>PEM certificate(s) of the CA that signed Consul's certificate; null = the system trust store.</summary>
    public string? CaCertificatePem { get; init; }

    /// <summary>PEM client certificate presented to Consul (with <see cref="ClientKeyPem"/>).</summary>
    public string? ClientCertificatePem { get; init; }

    /// <summary>PEM private key of <see cref="ClientCertificatePem"/>. Never logged.</summary>
    public string? ClientKeyPem { get; init; }

    /// <summary>Name Consul's certificate must carry; null = the host of <see cref="Address"/>.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>Skip verification of Consul's certificate (Go's <c>CONSUL_HTTP_SSL_VERIFY=false</c>). Unsafe outside tests.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary>Enterprise: namespace used when a request's <see cref="ConsulScope"/> names none.</summary>
    public string? Namespace { get; init; }

    /// <summary>Enterprise: admin partition used when a request's <see cref="ConsulScope"/> names none.</summary>
    public string? Partition { get; init; }

    /// <summary>Time allowed for one HTTP attempt. Why: our reads never block, so 30 s is generous yet bounded.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Reads Consul's standard client variables the way the Go client does; throws <see cref="ConsulConfigurationException"/> listing every problem.</summary>
    /// <param name="getEnvironmentVariable">The environment (e.g. <see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="readFile">Reads a file named by a variable; defaults to <see cref="File.ReadAllText(string)"/>.</param>
    public static ConsulClientOptions FromEnvironment(
        Func<string, string?> getEnvironmentVariable,
        Func<string, string>? readFile = null)
    {
        return TryFromEnvironment(getEnvironmentVariable, readFile, out var options, out var errors)
            ? options
            : throw new ConsulConfigurationException(errors);
    }

    /// <summary>Like <see cref="FromEnvironment"/> but returns the problems (each naming its variable) instead of throwing.</summary>
    public static bool TryFromEnvironment(
        Func<string, string?> getEnvironmentVariable,
        Func<string, string>? readFile,
        out ConsulClientOptions options,
        out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        readFile ??= File.ReadAllText;
        var problems = new List<string>();
        string? Get(string name) => getEnvironmentVariable(name) is { Length: > 0 } v ? v : null;

        var ssl = ParseBool(Get(ConsulEnvironmentVariables.HttpSsl), ConsulEnvironmentVariables.HttpSsl, problems);
        var verify = ParseBool(Get(ConsulEnvironmentVariables.HttpSslVerify), ConsulEnvironmentVariables.HttpSslVerify, problems);
        var address = ParseAddress(Get(ConsulEnvironmentVariables.HttpAddr), ssl ?? false, problems);

        var token = Get(ConsulEnvironmentVariables.HttpToken);
        if (Get(ConsulEnvironmentVariables.HttpTokenFile) is { } tokenFile
            && ReadFile(readFile, tokenFile, ConsulEnvironmentVariables.HttpTokenFile, "the ACL token", problems) is { } fileContent
            && fileContent.Trim() is { Length: > 0 } fileToken)
        {
            // Why: as in Go's api.NewClient, a non-empty token file beats CONSUL_HTTP_TOKEN; an empty one is ignored.
            token = fileToken;
        }

        ConsulBasicAuth? auth = null;
        if (Get(ConsulEnvironmentVariables.HttpAuth) is { } authValue)
        {
            auth = ConsulBasicAuth.Parse(authValue, out var authError);
            if (authError is not null)
            {
                problems.Add(authError);
            }
        }

        string? caPem = null;
        if (Get(ConsulEnvironmentVariables.CaCert) is { } caPath
            && ReadFile(readFile, caPath, ConsulEnvironmentVariables.CaCert, "the CA certificate", problems) is { } ca)
        {
            if (CountCertificates(ca) > 0)
            {
                caPem = ca;
            }
            else
            {
                problems.Add($"{ConsulEnvironmentVariables.CaCert}: '{caPath}' holds no PEM certificate. Point it at the PEM file of the CA that signed Consul's HTTPS certificate.");
            }
        }

        if (Get(ConsulEnvironmentVariables.CaPath) is not null)
        {
            problems.Add($"{ConsulEnvironmentVariables.CaPath} is not supported. Concatenate the CA certificates into one PEM file and set {ConsulEnvironmentVariables.CaCert} to it.");
        }

        var (clientCert, clientKey) = ReadClientPair(Get, readFile, problems);

        var serverName = Get(ConsulEnvironmentVariables.TlsServerName) is { } sn ? StripPort(sn) : null;

        options = new ConsulClientOptions
        {
            Address = address ?? DefaultAddress,
            Token = token,
            HttpAuth = auth,
            CaCertificatePem = caPem,
            ClientCertificatePem = clientCert,
            ClientKeyPem = clientKey,
            TlsServerName = serverName,
            InsecureSkipVerify = verify == false,
            Namespace = Get(ConsulEnvironmentVariables.Namespace),
            Partition = Get(ConsulEnvironmentVariables.Partition),
        };
        errors = problems;
        return problems.Count == 0;
    }

    /// <summary>Describes the options without secrets: token, key and CA content are only reported as present or absent.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"ConsulClientOptions {{ Address = {Address}, Token = {Presence(Token)}, HttpAuth = {(HttpAuth is null ? "(none)" : "(set)")}");
        text.Append(CultureInfo.InvariantCulture, $", CaCertificatePem = {Presence(CaCertificatePem)}, ClientCertificatePem = {Presence(ClientCertificatePem)}");
        text.Append(CultureInfo.InvariantCulture, $", ClientKeyPem = {Presence(ClientKeyPem)}, TlsServerName = {TlsServerName ?? "(none)"}");
        text.Append(CultureInfo.InvariantCulture, $", InsecureSkipVerify = {InsecureSkipVerify}, Namespace = {Namespace ?? "(none)"}");
        text.Append(CultureInfo.InvariantCulture, $", Partition = {Partition ?? "(none)"}, Timeout = {Timeout} }}");
        return text.ToString();
    }

    private static string Presence(string? secret) => string.IsNullOrEmpty(secret) ? "(none)" : "(set)";

    /// <summary>Go's <c>strconv.ParseBool</c>: exactly 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False.</summary>
    internal static bool? ParseGoBool(string value) => value switch
    {
        "1" or "t" or "T" or "TRUE" or "true" or "True" => true,
        "0" or "f" or "F" or "FALSE" or "false" or "False" => false,
        _ => null,
    };

    private static bool? ParseBool(string? value, string name, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        var parsed = ParseGoBool(value);
        if (parsed is null)
        {
            problems.Add($"{name}: '{value}' is not a boolean. Use true or false (also accepted: 1, 0, t, f, TRUE, FALSE).");
        }

        return parsed;
    }

    private static Uri? ParseAddress(string? value, bool forceHttps, List<string> problems)
    {
        const string name = ConsulEnvironmentVariables.HttpAddr;
        var rest = value ?? "localhost:8500";
        var scheme = "http";
        var schemeEnd = rest.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            var given = rest[..schemeEnd];
            rest = rest[(schemeEnd + 3)..];
            switch (given.ToUpperInvariant())
            {
                case "HTTP":
                    break;
                case "HTTPS":
                    scheme = "https";
                    break;
                case "UNIX":
                    problems.Add($"{name}: unix sockets ('{value}') are not supported. Use http://host:port or https://host:port.");
                    return null;
                default:
                    problems.Add($"{name}: unknown protocol scheme '{given}' in '{value}'. Use host:port, http://host:port or https://host:port.");
                    return null;
            }
        }

        // Why: as in Go, CONSUL_HTTP_SSL=true upgrades even an explicit http:// address ("never revert to http if TLS was requested").
        if (forceHttps)
        {
            scheme = "https";
        }

        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var host = slash >= 0 ? rest[..slash] : rest;
        var prefix = slash >= 0 ? rest[slash..].TrimEnd('/') : string.Empty;
        if (host.Length == 0
            || !Uri.TryCreate($"{scheme}://{host}{prefix}/", UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            problems.Add($"{name}: '{value}' is not a valid address. Use host:port, http://host:port or https://host:port (an optional /path prefix may follow).");
            return null;
        }

        return uri;
    }

    private static string? ReadFile(Func<string, string> readFile, string path, string name, string what, List<string> problems)
    {
        try
        {
            return readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            problems.Add($"{name}: cannot read {what} from '{path}' ({e.GetType().Name}: {e.Message}). Check the path and that this process may read the file.");
            return null;
        }
    }

    private static (string? Certificate, string? Key) ReadClientPair(Func<string, string?> get, Func<string, string> readFile, List<string> problems)
    {
        var certPath = get(ConsulEnvironmentVariables.ClientCert);
        var keyPath = get(ConsulEnvironmentVariables.ClientKey);
        if (certPath is null && keyPath is null)
        {
            return (null, null);
        }

        if (certPath is null || keyPath is null)
        {
            var (set, missing) = certPath is null
                ? (ConsulEnvironmentVariables.ClientKey, ConsulEnvironmentVariables.ClientCert)
                : (ConsulEnvironmentVariables.ClientCert, ConsulEnvironmentVariables.ClientKey);
            problems.Add($"{missing}: must be set together with {set} (a client certificate needs its key). Set both or neither.");
            return (null, null);
        }

        var cert = ReadFile(readFile, certPath, ConsulEnvironmentVariables.ClientCert, "the client certificate", problems);
        var key = ReadFile(readFile, keyPath, ConsulEnvironmentVariables.ClientKey, "the client key", problems);
        if (cert is null || key is null)
        {
            return (null, null);
        }

        try
        {
            using var pair = X509Certificate2.CreateFromPem(cert, key);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            problems.Add($"{ConsulEnvironmentVariables.ClientCert}/{ConsulEnvironmentVariables.ClientKey}: '{certPath}' and '{keyPath}' are not a matching PEM certificate and private key ({e.Message}). Point them at the client certificate and its key.");
            return (null, null);
        }

        return (cert, key);
    }

    internal static int CountCertificates(string pem)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(pem);
            return certificates.Count;
        }
        catch (CryptographicException)
        {
            return 0;
        }
        finally
        {
            foreach (var certificate in certificates)
            {
                certificate.Dispose();
            }
        }
    }

    private static string StripPort(string serverName)
    {
        // Why: Go's SetupTLSConfig drops a port (host:port or [v6]:port) from the server name before verifying.
        var colon = serverName.LastIndexOf(':');
        var bracket = serverName.LastIndexOf(']');
        if (colon > bracket && serverName.IndexOf(':', StringComparison.Ordinal) == colon)
        {
            return serverName[..colon];
        }

        return bracket > 0 && serverName.StartsWith('[') ? serverName[1..bracket] : serverName;
    }
}
