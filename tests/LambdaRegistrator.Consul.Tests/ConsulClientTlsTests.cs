using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;
using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientTlsTests : IDisposable
{
    private readonly X509Certificate2 _ca = TestPki.CreateCa("Consul Agent CA");
    private readonly X509Certificate2 _otherCa = TestPki.CreateCa("Some Other CA");

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
    }

    private static async Task<T> WithHttpsSimulatorAsync<T>(X509Certificate2 serverCertificate, Func<ConsulSimulatorServer, Task<T>> test)
    {
        await using var server = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions { TlsCertificate = serverCertificate });
        return await test(server);
    }

    private static ConsulClient Client(Uri address, string? caPem, string? serverName = null, bool skipVerify = false, RecordingTimeProvider? clock = null) =>
        new(
            new ConsulClientOptions { Address = address, CaCertificatePem = caPem, TlsServerName = serverName, InsecureSkipVerify = skipVerify },
            TestRetry.Policy(clock: clock));

    [Fact]
    public async Task Https_ServerSignedByConfiguredCa_Works()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["localhost"]);

        var services = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_ca));
            return await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        });

        Assert.Contains("consul", services.Value.Keys);
    }

    [Fact]
    public async Task Https_WrongCa_FailsClosedNamingCaVariableWithoutRetry()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["localhost"]);
        var clock = new RecordingTimeProvider();

        var e = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_otherCa), clock: clock);
            return await Assert.ThrowsAsync<ConsulTlsException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));
        });

        Assert.Equal(TlsFailureKind.UntrustedCertificate, e.Kind);
        Assert.Contains("not signed by the CA in CONSUL_CACERT", e.Message, StringComparison.Ordinal);
        Assert.Contains("Consul Agent CA", e.Message, StringComparison.Ordinal);
        Assert.False(e.IsTransient);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task Https_NoCaConfigured_UntrustedBySystemStore()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["localhost"]);

        var e = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, caPem: null);
            return await Assert.ThrowsAsync<ConsulTlsException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));
        });

        Assert.Equal(TlsFailureKind.UntrustedCertificate, e.Kind);
        Assert.Contains("system trust store", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_CertificateForAnotherName_NameMismatchSuggestsServerName()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["server.dc1.consul"], includeLoopbackIp: false);

        var e = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_ca));
            return await Assert.ThrowsAsync<ConsulTlsException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));
        });

        Assert.Equal(TlsFailureKind.NameMismatch, e.Kind);
        Assert.Contains("'server.dc1.consul'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not '127.0.0.1'", e.Message, StringComparison.Ordinal);
        Assert.Contains("CONSUL_TLS_SERVER_NAME", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_TlsServerNameMatchesCertificate_Works()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["server.dc1.consul"], includeLoopbackIp: false);

        var services = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_ca), serverName: "server.dc1.consul");
            return await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        });

        Assert.Contains("consul", services.Value.Keys);
    }

    [Fact]
    public async Task Https_ExpiredCertificate_ExpiredError()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["localhost"], DateTimeOffset.UtcNow.AddHours(-20), DateTimeOffset.UtcNow.AddHours(-1));

        var e = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_ca));
            return await Assert.ThrowsAsync<ConsulTlsException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));
        });

        Assert.Equal(TlsFailureKind.Expired, e.Kind);
        Assert.Contains("validity period", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Https_SkipVerifyWithWrongCa_Works()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["elsewhere"], includeLoopbackIp: false);

        var services = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = Client(server.BaseAddress, TestPki.CertificatePem(_otherCa), skipVerify: true);
            return await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        });

        Assert.Contains("consul", services.Value.Keys);
    }

    [Fact]
    public async Task Https_ClientCertificateConfigured_Works()
    {
        using var serverCert = TestPki.CreateServer(_ca, ["localhost"]);
        using var clientCert = TestPki.CreateClient(_ca, "registrator");

        var services = await WithHttpsSimulatorAsync(serverCert, async server =>
        {
            using var client = new ConsulClient(new ConsulClientOptions
            {
                Address = server.BaseAddress,
                CaCertificatePem = TestPki.CertificatePem(_ca),
                ClientCertificatePem = TestPki.CertificatePem(clientCert),
                ClientKeyPem = TestPki.PrivateKeyPem(clientCert),
            });
            return await client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None);
        });

        Assert.Contains("consul", services.Value.Keys);
    }

    [Fact]
    public async Task Https_AgainstPlainHttpServer_HandshakeErrorSuggestsHttp()
    {
        await using var server = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions());
        var https = new UriBuilder(server.BaseAddress) { Scheme = "https" }.Uri;
        using var client = Client(https, TestPki.CertificatePem(_ca));

        var e = await Assert.ThrowsAsync<ConsulTlsException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));

        Assert.Equal(TlsFailureKind.Handshake, e.Kind);
        Assert.Contains("use http://", e.Message, StringComparison.Ordinal);
    }
}
