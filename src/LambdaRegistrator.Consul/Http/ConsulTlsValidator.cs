using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Verifies Consul's server certificate against the configured CA (custom root trust) and name; remembers why it refused one.</summary>
internal sealed class ConsulTlsValidator : IDisposable
{
    private readonly X509Certificate2Collection _roots = [];
    private readonly string _expectedName;
    private readonly bool _skipVerify;
    private readonly TimeProvider _timeProvider;
    private volatile TlsRefusal? _lastRefusal;

    public ConsulTlsValidator(ConsulClientOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _skipVerify = options.InsecureSkipVerify;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _expectedName = string.IsNullOrEmpty(options.TlsServerName) ? options.Address.IdnHost : options.TlsServerName;
        if (!string.IsNullOrEmpty(options.CaCertificatePem))
        {
            _roots.ImportFromPem(options.CaCertificatePem);
            if (_roots.Count == 0)
            {
                throw new ConsulConfigurationException(
                    "The Consul CA certificate (CONSUL_CACERT or CONSUL_CACERT_PATH) holds no PEM certificate. Provide the PEM of the CA that signed Consul's HTTPS certificate.");
            }
        }
    }

    /// <summary>The name Consul's certificate must carry.</summary>
    public string ExpectedName => _expectedName;

    /// <summary>Why the most recent certificate was refused, or null.</summary>
    public TlsRefusal? LastRefusal => _lastRefusal;

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_skipVerify)
        {
            return true;
        }

        try
        {
            var refusal = Check(certificate, chain, errors);
            if (refusal is not null)
            {
                _lastRefusal = refusal;
            }

            return refusal is null;
        }
#pragma warning disable CA1031 // Why: a validation callback must fail closed on any error rather than throw into SslStream.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _lastRefusal = new TlsRefusal(TlsFailureKind.Handshake, $"verifying Consul's certificate failed: {e.Message}");
            return false;
        }
    }

    private TlsRefusal? Check(X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return new TlsRefusal(TlsFailureKind.Handshake, "Consul presented no certificate");
        }

        using var leaf = new X509Certificate2(certificate);
        using var chain = new X509Chain();
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _timeProvider.GetLocalNow().LocalDateTime;
        if (_roots.Count > 0)
        {
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        }

        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        var trusted = chain.Build(leaf);
        var statuses = chain.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        var source = _roots.Count > 0 ? "the CA in CONSUL_CACERT" : "the system trust store";

        if (!trusted && (statuses & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            return new TlsRefusal(
                TlsFailureKind.UntrustedCertificate,
                $"Consul's certificate (subject '{leaf.Subject}', issuer '{leaf.Issuer}') is not signed by {source}. Set CONSUL_CACERT (or CONSUL_CACERT_PATH) to the CA that signed it");
        }

        if (!trusted && (statuses & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            return new TlsRefusal(
                TlsFailureKind.Expired,
                string.Create(CultureInfo.InvariantCulture, $"Consul's certificate (or a CA in its chain) is outside its validity period (leaf valid {leaf.NotBefore:u} to {leaf.NotAfter:u}). Renew Consul's certificate"));
        }

        if (!trusted)
        {
            var detail = string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct());
            return new TlsRefusal(TlsFailureKind.UntrustedCertificate, $"Consul's certificate chain is not valid ({detail}). Check CONSUL_CACERT and Consul's certificate");
        }

        if (!leaf.MatchesHostname(_expectedName))
        {
            var names = DescribeNames(leaf);
            return new TlsRefusal(
                TlsFailureKind.NameMismatch,
                $"Consul's certificate is for {names}, not '{_expectedName}'. Use a name from the certificate in CONSUL_HTTP_ADDR, or set CONSUL_TLS_SERVER_NAME to one");
        }

        return null;
    }

    private static string DescribeNames(X509Certificate2 certificate)
    {
        var names = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }

        if (names.Count == 0)
        {
            names.Add(certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false));
        }

        return string.Join(", ", names.Select(n => $"'{n}'"));
    }

    public void Dispose()
    {
        foreach (var root in _roots)
        {
            root.Dispose();
        }
    }
}
