using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using LambdaRegistrator.ConsulSimulator.State;

namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>
/// The built-in Connect CA: an ECDSA P-256 root with a SPIFFE trust domain and leaf certificates whose URI SAN is
/// <c>spiffe://&lt;trust domain&gt;[/ap/&lt;partition&gt;]/ns/&lt;ns&gt;/dc/&lt;dc&gt;/svc/&lt;service&gt;</c>.
/// Leaves are cached per service like the agent's leaf cache and re-issued after 60% of their lifetime.
/// </summary>
internal sealed class CertificateAuthority : IDisposable
{
    private readonly ECDsa _rootKey;
    private readonly TimeSpan _leafTtl;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, LeafCertificate> _leaves = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();
    private ulong _leafIndex;

    public CertificateAuthority(TimeSpan leafTtl, TimeProvider time)
    {
        _leafTtl = leafTtl;
        _time = time;
        ClusterId = Guid.NewGuid().ToString();
        TrustDomain = ClusterId + ".consul";
        _rootKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = Truncate(_time.GetUtcNow());
        var request = new CertificateRequest($"CN=pri-{ClusterId[..8]}.consul.ca.{ClusterId[..8]}.consul", _rootKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri("spiffe://" + TrustDomain));
        request.CertificateExtensions.Add(san.Build());
        RootSerial = (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue);
        Root = request.Create(request.SubjectName, X509SignatureGenerator.CreateForECDsa(_rootKey),
            now.AddMinutes(-1), now.AddYears(10), SerialBytes(RootSerial));
        RootPem = Root.ExportCertificatePem() + "\n";
#pragma warning disable CA5350 // Why: Consul's CARoot.ID is the SHA-1 fingerprint of the root; an identifier, not a security control.
        RootId = ColonHex(SHA1.HashData(Root.RawData));
#pragma warning restore CA5350
        SigningKeyId = ColonHex(Root.Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single().SubjectKeyIdentifierBytes.Span);
    }

    public string ClusterId { get; }
    public string TrustDomain { get; }
    public X509Certificate2 Root { get; }
    public string RootPem { get; }
    public string RootId { get; }
    public ulong RootSerial { get; }
    public string SigningKeyId { get; }

    /// <summary>Why: Go formats serials and key IDs as lower-case colon-separated hex.</summary>
    public static string ColonHex(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder();
        foreach (var b in bytes)
        {
            if (builder.Length > 0)
            {
                builder.Append(':');
            }

            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static DateTimeOffset Truncate(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static byte[] SerialBytes(ulong serial)
    {
        var bytes = new BigInteger(serial).ToByteArray(isUnsigned: false, isBigEndian: true);
        return bytes;
    }

    public string SpiffeUri(Tenancy tenancy, string datacenter, string service, bool enterprise)
    {
        var partition = enterprise && !string.Equals(tenancy.Partition, Tenancy.DefaultName, StringComparison.Ordinal)
            ? "/ap/" + tenancy.Partition
            : "";
        return $"spiffe://{TrustDomain}{partition}/ns/{tenancy.Namespace}/dc/{datacenter}/svc/{service}";
    }

    /// <summary>The cached leaf for a service, issuing a new one when none exists or the cached one is due for renewal.</summary>
    public LeafCertificate Leaf(Tenancy tenancy, string datacenter, string service, bool enterprise)
    {
        var key = $"{tenancy.Partition}/{tenancy.Namespace}/{datacenter}/{service}";
        lock (_lock)
        {
            if (_leaves.TryGetValue(key, out var cached) && _time.GetUtcNow() < cached.RenewAt)
            {
                return cached;
            }

            var leaf = Issue(SpiffeUri(tenancy, datacenter, service, enterprise), service);
            _leaves[key] = leaf;
            return leaf;
        }
    }

    private LeafCertificate Issue(string spiffe, string service)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var now = Truncate(_time.GetUtcNow());
        var validAfter = now.AddMinutes(-1);
        var validBefore = now + _leafTtl;
        var request = new CertificateRequest($"CN={service}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.1"), new System.Security.Cryptography.Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, true, false));
        var san = new SubjectAlternativeNameBuilder();
        san.AddUri(new Uri(spiffe));
        request.CertificateExtensions.Add(san.Build());
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7f;
        serial[0] |= 0x01;
        using var certificate = request.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_rootKey), validAfter, validBefore, serial);
        _leafIndex++;
        return new LeafCertificate(
            ColonHex(serial),
            certificate.ExportCertificatePem() + "\n",
            key.ExportECPrivateKeyPem() + "\n",
            service,
            spiffe,
            validAfter,
            validBefore,
            now,
            _leafIndex);
    }

    public void Dispose()
    {
        Root.Dispose();
        _rootKey.Dispose();
    }
}
