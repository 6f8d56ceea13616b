using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Builds the <see cref="SocketsHttpHandler"/> for Consul: TLS verification by <see cref="ConsulTlsValidator"/>, optional client certificate, no redirects.</summary>
internal static class ConsulHttpHandlerFactory
{
    public static SocketsHttpHandler Create(ConsulClientOptions options, ConsulTlsValidator validator, out X509Certificate2? clientCertificate)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(validator);
        clientCertificate = CreateClientCertificate(options);
        var handler = new SocketsHttpHandler
        {
            // Why: X-Consul-Token is a custom header that .NET would forward to a redirect target; Consul's API never needs redirects.
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.GZip,
            UseCookies = false,
            ConnectTimeout = options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        handler.SslOptions.RemoteCertificateValidationCallback = validator.Validate;
        if (clientCertificate is not null)
        {
            handler.SslOptions.ClientCertificates = [clientCertificate];
        }

        return handler;
    }

    private static X509Certificate2? CreateClientCertificate(ConsulClientOptions options)
    {
        var hasCert = !string.IsNullOrEmpty(options.ClientCertificatePem);
        var hasKey = !string.IsNullOrEmpty(options.ClientKeyPem);
        if (hasCert != hasKey)
        {
            throw new ConsulConfigurationException(
                "A Consul client certificate needs both the certificate and its key (CONSUL_CLIENT_CERT and CONSUL_CLIENT_KEY). Set both or neither.");
        }

        if (!hasCert)
        {
            return null;
        }

        try
        {
            return X509Certificate2.CreateFromPem(options.ClientCertificatePem, options.ClientKeyPem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ConsulConfigurationException(
                $"The Consul client certificate and key (CONSUL_CLIENT_CERT, CONSUL_CLIENT_KEY) are not a matching PEM pair ({e.Message}). Provide the client certificate and its private key.", e);
        }
    }
}
