using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.ConsulSimulator;
using LambdaRegistrator.Reliability.Tests.Infrastructure;

namespace LambdaRegistrator.Reliability.Tests.Security;

/// <summary>
/// TLS to Consul through the whole engine (ConsulClientTlsTests prove the client): the server is verified against the
/// configured CA, and a wrong CA, an expired certificate or a certificate for another name fails closed: the sync fails
/// with a message that says what is wrong and which variable fixes it, and nothing reaches Consul.
/// </summary>
public sealed class TlsTests : IAsyncLifetime, IDisposable
{
    private readonly X509Certificate2 _ca = Pki.CreateCa("Consul Agent CA");
    private readonly X509Certificate2 _otherCa = Pki.CreateCa("Some Other CA");
    private readonly string _directory = Directory.CreateTempSubdirectory("tls-").FullName;
    private HostileAws _aws = null!;

    public async Task InitializeAsync()
    {
        _aws = await HostileAws.StartAsync();
        _aws.Set([FakeFunction.Of("orders", TagSet.Enabled())]);
    }

    public async Task DisposeAsync() => await _aws.DisposeAsync();

    public void Dispose()
    {
        _ca.Dispose();
        _otherCa.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string, string, string> Cases => new()
    {
        { "signed by the configured CA", "good", "" },
        { "signed by another CA than CONSUL_CACERT", "wrong-ca", "is not signed by" },
        { "expired", "expired", "outside its validity period" },
        { "issued for another name", "wrong-name", "CONSUL_TLS_SERVER_NAME" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task FullSync_ConsulCertificate_VerifiedAgainstTheConfiguredCaAndFailsClosed(string caseName, string certificate, string message)
    {
        using var server = certificate switch
        {
            "expired" => Pki.CreateServer(_ca, "localhost", expired: true),
            "wrong-name" => Pki.CreateServer(_ca, "consul.example.com", withLoopbackIp: false),
            _ => Pki.CreateServer(_ca, "localhost"),
        };
        await using var consul = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions { TlsCertificate = server });
        var caFile = Path.Combine(_directory, certificate + ".pem");
        await File.WriteAllTextAsync(caFile, Pki.Pem(certificate == "wrong-ca" ? _otherCa : _ca));
        using var rig = await Rig.StartAsync(Rig.EnvironmentFor(_aws.Endpoint, consul.BaseAddress, ("CONSUL_CACERT", caFile)));

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        if (message.Length == 0)
        {
            Assert.True(report.Outcome == SyncOutcome.Succeeded, $"{caseName}: {report}");
            Assert.True(consul.Stats.Writes > 0);
            return;
        }

        Assert.True(report.Outcome == SyncOutcome.Failed, $"{caseName}: {report}");
        var error = Assert.Single(report.Errors);
        Assert.Contains("TLS", error, StringComparison.Ordinal);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Empty(report.Actions);
        Assert.Equal(0, consul.Stats.Reads + consul.Stats.Writes);
    }
}
