using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientConnectCaTests : IClassFixture<ConsulFixture>, IDisposable
{
    private readonly ConsulFixture _consul;
    private readonly ConsulClient _client;

    public ConsulClientConnectCaTests(ConsulFixture consul)
    {
        _consul = consul;
        _client = consul.Client();
    }

    public void Dispose() => _client.Dispose();

    [Fact]
    public async Task GetCARootsAsync_Cluster_ActiveRootAndTrustDomain()
    {
        var roots = await _client.GetCARootsAsync(CancellationToken.None);

        Assert.EndsWith(".consul", roots.Value.TrustDomain, StringComparison.Ordinal);
        var active = Assert.IsType<LambdaRegistrator.Consul.Connect.CARoot>(roots.Value.ActiveRoot);
        Assert.True(active.Active);
        using var root = X509Certificate2.CreateFromPem(active.RootCertPEM);
        Assert.True(root.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        if (_consul.Target.Simulator is { } simulator)
        {
            Assert.Equal(simulator.TrustDomain, roots.Value.TrustDomain);
            Assert.Equal(simulator.ConnectCaRootPem.Trim(), active.RootCertPEM.Trim());
        }
    }

    [Fact]
    public async Task GetLeafCertAsync_Service_CertificateForItsSpiffeIdSignedByRoot()
    {
        var roots = await _client.GetCARootsAsync(CancellationToken.None);

        var leaf = (await _client.GetLeafCertAsync("fn", ConsulScope.Default, CancellationToken.None)).Value;

        Assert.Equal("fn", leaf.Service);
        Assert.StartsWith($"spiffe://{roots.Value.TrustDomain}/", leaf.ServiceURI, StringComparison.Ordinal);
        Assert.EndsWith("/svc/fn", leaf.ServiceURI, StringComparison.Ordinal);
        Assert.True(leaf.ValidBefore > leaf.ValidAfter);
        using var certificate = X509Certificate2.CreateFromPem(leaf.CertPEM, leaf.PrivateKeyPEM);
        using var root = X509Certificate2.CreateFromPem(roots.Value.ActiveRoot!.RootCertPEM);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(root);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        Assert.True(chain.Build(certificate), string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation)));
    }
}
