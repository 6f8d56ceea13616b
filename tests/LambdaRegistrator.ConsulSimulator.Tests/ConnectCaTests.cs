using System.Formats.Asn1;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>The Connect CA endpoints: roots and leaf certificates that chain to them with the service's SPIFFE ID.</summary>
public sealed class ConnectCaTests : IClassFixture<ConsulTargetFixture>
{
    private readonly ConsulTargetFixture _fixture;

    public ConnectCaTests(ConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    /// <summary>The single URI SAN ([6] IA5String in the GeneralNames sequence).</summary>
    private static string SpiffeUri(X509Certificate2 certificate)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
        var uris = new List<string>();
        var uriTag = new Asn1Tag(TagClass.ContextSpecific, 6);
        while (reader.HasData)
        {
            if (reader.PeekTag() == uriTag)
            {
                uris.Add(reader.ReadCharacterString(UniversalTagNumber.IA5String, uriTag));
            }
            else
            {
                reader.ReadEncodedValue();
            }
        }

        return Assert.Single(uris);
    }

    [Fact]
    public async Task Leaf_Service_ChainsToActiveRootWithSpiffeIdAndValidity()
    {
        var roots = (await Api.GetAsync("/v1/agent/connect/ca/roots")).Json();
        var trustDomain = roots.GetProperty("TrustDomain").GetString();
        var active = roots.GetProperty("Roots").EnumerateArray().Single(r => r.GetProperty("Active").GetBoolean());
        using var root = X509Certificate2.CreateFromPem(active.GetProperty("RootCert").GetString());

        var leafReply = await Api.GetAsync("/v1/agent/connect/ca/leaf/web");
        var leaf = leafReply.Json();
        using var certificate = X509Certificate2.CreateFromPem(leaf.GetProperty("CertPEM").GetString(), leaf.GetProperty("PrivateKeyPEM").GetString());

        Assert.Equal(200, leafReply.Status);
        Assert.Equal($"spiffe://{trustDomain}/ns/default/dc/{_fixture.Target.Datacenter}/svc/web", SpiffeUri(certificate));
        Assert.Equal(leaf.GetProperty("ServiceURI").GetString(), SpiffeUri(certificate));
        Assert.True(certificate.HasPrivateKey);
        Assert.Equal(DateTimeOffset.Parse(leaf.GetProperty("ValidBefore").GetString()!, CultureInfo.InvariantCulture).UtcDateTime, certificate.NotAfter.ToUniversalTime());
        Assert.Equal(DateTimeOffset.Parse(leaf.GetProperty("ValidAfter").GetString()!, CultureInfo.InvariantCulture).UtcDateTime, certificate.NotBefore.ToUniversalTime());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }

    [Fact]
    public async Task Leaf_RequestedTwice_IsCachedUntilRenewal()
    {
        var first = (await Api.GetAsync("/v1/agent/connect/ca/leaf/cached")).Json();
        var second = (await Api.GetAsync("/v1/agent/connect/ca/leaf/cached")).Json();

        Assert.Equal(first.GetProperty("SerialNumber").GetString(), second.GetProperty("SerialNumber").GetString());
    }

    [Fact]
    public async Task Leaf_ShortTtlBlockingQuery_ReturnsRenewedCertificateBeforeExpiry()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, LeafCertificateTtl = TimeSpan.FromSeconds(2) });
        using var api = new ConsulApi(target.Address);
        var first = await api.GetAsync("/v1/agent/connect/ca/leaf/fn");

        var renewed = await api.GetAsync($"/v1/agent/connect/ca/leaf/fn?index={first.Index}&wait=30s");

        var oldLeaf = first.Json();
        var newLeaf = renewed.Json();
        Assert.NotEqual(oldLeaf.GetProperty("SerialNumber").GetString(), newLeaf.GetProperty("SerialNumber").GetString());
        Assert.True(renewed.Index > first.Index);
        var oldExpiry = DateTimeOffset.Parse(oldLeaf.GetProperty("ValidBefore").GetString()!, CultureInfo.InvariantCulture);
        var newExpiry = DateTimeOffset.Parse(newLeaf.GetProperty("ValidBefore").GetString()!, CultureInfo.InvariantCulture);
        Assert.True(newExpiry > oldExpiry);
    }
}
