using System.Globalization;
using System.Security.Cryptography.X509Certificates;

namespace LambdaRegistrator.ConsulSimulator;

/// <summary>The command line of the standalone simulator.</summary>
internal sealed record StandaloneArguments(ConsulSimulatorOptions? Options, string? Error)
{
    public const string Usage =
        "usage: consul-simulator --port <p> [--datacenter <dc>] [--extra-datacenter <dc>]... [--primary-datacenter <dc>]\n" +
        "                        [--replication-delay-ms <n>] [--enterprise] [--acl-bootstrap-token <token>]\n" +
        "                        [--require-basic-auth <user:password>]\n" +
        "                        [--tls-cert <pem> --tls-key <pem>] [--latency-ms <n>] [--leaf-ttl-seconds <n>]";

    public static StandaloneArguments Parse(IReadOnlyList<string> args)
    {
        int? port = null;
        string datacenter = "dc1";
        var extra = new List<string>();
        var enterprise = false;
        string? basicAuth = null;
        string? token = null, certPath = null, keyPath = null;
        var latency = 0;
        var replicationDelay = 300;
        string? primary = null;
        var leafTtl = 72 * 3600;
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string? Value()
            {
                if (i + 1 >= args.Count)
                {
                    return null;
                }

                return args[++i];
            }

            switch (flag)
            {
                case "--enterprise":
                    enterprise = true;
                    continue;
                case "--port" or "--datacenter" or "--extra-datacenter" or "--primary-datacenter" or "--replication-delay-ms"
                    or "--acl-bootstrap-token" or "--require-basic-auth" or "--tls-cert" or "--tls-key" or "--latency-ms" or "--leaf-ttl-seconds":
                    break;
                default:
                    return new(null, $"unknown argument \"{flag}\"");
            }

            var value = Value();
            if (value is null)
            {
                return new(null, $"{flag} needs a value");
            }

            switch (flag)
            {
                case "--port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                    {
                        return new(null, $"--port must be a number in 1..65535, got \"{value}\"");
                    }

                    port = p;
                    break;
                case "--datacenter": datacenter = value; break;
                case "--extra-datacenter": extra.Add(value); break;
                case "--primary-datacenter": primary = value; break;
                case "--replication-delay-ms":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out replicationDelay))
                    {
                        return new(null, $"--replication-delay-ms must be a non-negative number of milliseconds, got \"{value}\"");
                    }

                    break;
                case "--acl-bootstrap-token": token = value; break;
                case "--require-basic-auth": basicAuth = value; break;
                case "--tls-cert": certPath = value; break;
                case "--tls-key": keyPath = value; break;
                case "--latency-ms":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out latency))
                    {
                        return new(null, $"--latency-ms must be a non-negative number of milliseconds, got \"{value}\"");
                    }

                    break;
                default:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out leafTtl) || leafTtl < 1)
                    {
                        return new(null, $"--leaf-ttl-seconds must be a positive number of seconds, got \"{value}\"");
                    }

                    break;
            }
        }

        if (port is null)
        {
            return new(null, "--port is required");
        }

        if (primary is not null && primary != datacenter && !extra.Contains(primary))
        {
            return new(null, $"--primary-datacenter \"{primary}\" must be --datacenter or one of the --extra-datacenter values");
        }

        if ((certPath is null) != (keyPath is null))
        {
            return new(null, "--tls-cert and --tls-key must be given together");
        }

        X509Certificate2? certificate = null;
        if (certPath is not null)
        {
            try
            {
                certificate = X509Certificate2.CreateFromPemFile(certPath, keyPath);
            }
            catch (Exception e) when (e is IOException or System.Security.Cryptography.CryptographicException or UnauthorizedAccessException)
            {
                return new(null, $"cannot load the TLS certificate \"{certPath}\" with key \"{keyPath}\": {e.Message}");
            }
        }

        return new(new ConsulSimulatorOptions
        {
            Port = port.Value,
            Datacenter = datacenter,
            AdditionalDatacenters = extra,
            PrimaryDatacenter = primary,
            ReplicationDelay = TimeSpan.FromMilliseconds(replicationDelay),
            Enterprise = enterprise,
            AclBootstrapToken = token,
            RequireBasicAuth = basicAuth,
            TlsCertificate = certificate,
            Latency = TimeSpan.FromMilliseconds(latency),
            LeafCertificateTtl = TimeSpan.FromSeconds(leafTtl),
        }, null);
    }
}
