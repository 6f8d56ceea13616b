using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>Generates throw-away CAs and leaf certificates (ECDSA P-256) for TLS tests.</summary>
internal static class TestPki
{
    public static X509Certificate2 CreateCa(string name, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(notBefore ?? DateTimeOffset.UtcNow.AddDays(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1));
    }

    /// <summary>A server certificate for <paramref name="dnsNames"/> and 127.0.0.1, signed by <paramref name="ca"/>, with its key.</summary>
    public static X509Certificate2 CreateServer(X509Certificate2 ca, string[] dnsNames, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null, bool includeLoopbackIp = true)
    {
        var san = new SubjectAlternativeNameBuilder();
        foreach (var dns in dnsNames)
        {
            san.AddDnsName(dns);
        }

        if (includeLoopbackIp)
        {
            san.AddIpAddress(IPAddress.Loopback);
        }

        return CreateLeaf(ca, dnsNames.FirstOrDefault() ?? "server", san.Build(), "1.3.6.1.5.5.7.3.1", notBefore, notAfter);
    }

    /// <summary>A client certificate signed by <paramref name="ca"/>, with its key.</summary>
    public static X509Certificate2 CreateClient(X509Certificate2 ca, string name) =>
        CreateLeaf(ca, name, null, "1.3.6.1.5.5.7.3.2", null, null);

    public static string CertificatePem(X509Certificate2 certificate) => certificate.ExportCertificatePem();

    public static string PrivateKeyPem(X509Certificate2 certificate) =>
        (certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("certificate has no ECDSA key")).ExportPkcs8PrivateKeyPem();

    private static X509Certificate2 CreateLeaf(X509Certificate2 ca, string commonName, X509Extension? san, string usageOid, DateTimeOffset? notBefore, DateTimeOffset? notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(usageOid)], false));
        if (san is not null)
        {
            request.CertificateExtensions.Add(san);
        }

        var serial = new byte[12];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        var from = notBefore ?? DateTimeOffset.UtcNow.AddHours(-1);
        var to = notAfter ?? DateTimeOffset.UtcNow.AddDays(30);
        using var certificate = request.Create(ca, from, to, serial);
        return certificate.CopyWithPrivateKey(key);
    }
}
