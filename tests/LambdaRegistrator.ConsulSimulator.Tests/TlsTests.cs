using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>HTTPS with a certificate from a test CA: clients trusting that CA connect, others are refused.</summary>
public sealed class TlsTests
{
    [Fact]
    public async Task StartAsync_TlsCertificate_ServesHttpsToClientsTrustingTheCa()
    {
        using var ca = new TestCertificateAuthority();
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            TlsCertificateFile = ca.ServerCertificateFile,
            TlsKeyFile = ca.ServerKeyFile,
        });
        using var api = new ConsulApi(target.Address, ca.TrustingHandler());

        var register = await api.PutAsync("/v1/catalog/register", "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"tls-fn\"}}");
        var services = await api.GetAsync("/v1/catalog/services");

        Assert.Equal("https", target.Address.Scheme);
        Assert.Equal("true", register.Body);
        Assert.True(services.Json().TryGetProperty("tls-fn", out _));
    }

    [Fact]
    public async Task StartAsync_TlsCertificate_RefusesClientsNotTrustingTheCa()
    {
        using var ca = new TestCertificateAuthority();
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            TlsCertificateFile = ca.ServerCertificateFile,
            TlsKeyFile = ca.ServerKeyFile,
        });
        using var api = new ConsulApi(target.Address);

        await Assert.ThrowsAsync<HttpRequestException>(() => api.GetAsync("/v1/catalog/services"));
    }
}
