using System.Security.Cryptography.X509Certificates;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Security;

/// <summary>
/// The ACL token and the CA certificate never leave memory: the real CLI process, at LOG_LEVEL=trace, syncs against the
/// simulator with ACLs on (that token) and TLS (signed by that CA), reading both from SSM SecureStrings in moto (or from
/// the standard variables); its stdout and stderr, and every file it leaves under a fresh TMPDIR, hold neither the token
/// nor any line of the CA's PEM body. (SecretsIntegrationTests in the shell prove the same for the engine's log writer.)
/// </summary>
[Collection(MotoGroup.Name)]
public sealed class SecretsCliTests(MotoFixture fixture) : IAsyncLifetime, IDisposable
{
    private const string Token = "d5c0a7e2-5ec7-4e7a-9b1c-70ce7a11c0de";
    private const string WrongToken = "0bad70c3-dead-4bee-8f00-0000deadbeef";
    private const string TokenPath = "/consul/acl-token";
    private const string CaPath = "/consul/ca-cert";
    private readonly X509Certificate2 _ca = Pki.CreateCa("Reliability Consul CA");
    private readonly string _work = Directory.CreateTempSubdirectory("secrets-").FullName;
    private ConsulTarget _consul = null!;
    private string _caPem = string.Empty;

    public async Task InitializeAsync()
    {
        var role = await fixture.ResetAsync();
        await fixture.Moto.Seed.CreateFunctionAsync("orders", role, TagSet.Enabled("live"));
        await fixture.Moto.Seed.CreateAliasAsync("orders", "live", await fixture.Moto.Seed.PublishVersionAsync("orders"));
        _caPem = Pki.Pem(_ca);
        using var server = Pki.CreateServer(_ca, "localhost");
        var certFile = Path.Combine(_work, "server.pem");
        var keyFile = Path.Combine(_work, "server-key.pem");
        await File.WriteAllTextAsync(certFile, server.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, server.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
        _consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AclBootstrapToken = Token, TlsCertificateFile = certFile, TlsKeyFile = keyFile });
        File.Delete(keyFile);
        await fixture.Moto.Seed.PutParameterAsync(CaPath, _caPem);
    }

    public async Task DisposeAsync() => await _consul.DisposeAsync();

    public void Dispose()
    {
        _ca.Dispose();
        Directory.Delete(_work, recursive: true);
    }

    public static TheoryData<string, string, bool> Sources => new()
    {
        { "token and CA from SSM SecureStrings (CONSUL_HTTP_TOKEN_PATH, CONSUL_CACERT_PATH)", "ssm", true },
        { "token and CA from the standard variables (CONSUL_HTTP_TOKEN, CONSUL_CACERT)", "standard", true },
        { "a wrong token from SSM: every call is denied", "ssm-wrong-token", false },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task Cli_TraceLevelSyncPlanAndEvent_NeverPrintsOrStoresTheTokenOrTheCa(string caseName, string source, bool succeeds)
    {
        var token = source == "ssm-wrong-token" ? WrongToken : Token;
        var tmp = Directory.CreateDirectory(Path.Combine(_work, "tmp-" + source)).FullName;
        var environment = new Dictionary<string, string>(fixture.Moto.Environment, StringComparer.Ordinal)
        {
            ["CONSUL_HTTP_ADDR"] = _consul.Address.AbsoluteUri,
            ["AWS_ACCOUNT_ID"] = "123456789012",
            ["LOG_LEVEL"] = "trace",
            ["TMPDIR"] = tmp,
        };
        if (source == "standard")
        {
            var caFile = Path.Combine(_work, "ca.pem");
            await File.WriteAllTextAsync(caFile, _caPem);
            environment["CONSUL_HTTP_TOKEN"] = token;
            environment["CONSUL_CACERT"] = caFile;
        }
        else
        {
            await fixture.Moto.Seed.PutParameterAsync(TokenPath, token);
            environment["CONSUL_HTTP_TOKEN_PATH"] = TokenPath;
            environment["CONSUL_CACERT_PATH"] = CaPath;
        }

        var eventFile = Path.Combine(_work, "tag-resource.json");
        await File.WriteAllTextAsync(eventFile, SampleEvents.Text("tag-resource.json"));

        var runs = new[]
        {
            await CliProcess.RunAsync(environment, "plan"),
            await CliProcess.RunAsync(environment, "sync"),
            await CliProcess.RunAsync(environment, "sync", "--output", "json"),
            await CliProcess.RunAsync(environment, "handle-event", eventFile),
        };

        foreach (var run in runs)
        {
            Assert.True(succeeds ? run.ExitCode == 0 : run.ExitCode == 1, $"{caseName}: {run}");
            Assert.Contains("\"level\":", run.Stderr, StringComparison.Ordinal);
            AssertSecretFree($"{caseName}: output", run.Stdout + run.Stderr, token);
        }

        if (succeeds)
        {
            // The most verbose level really was on (the writes log trace lines).
            Assert.Contains(runs, run => run.Stderr.Contains("\"level\":\"TRACE\"", StringComparison.Ordinal));
            Assert.Equal(["orders", "orders-live"], (await ConsulState.ReadAsync(_consul, caPem: _caPem)).ServiceNames);
        }
        else
        {
            Assert.Contains("ACL", runs[1].Stdout + runs[1].Stderr, StringComparison.Ordinal);
        }

        foreach (var file in Directory.EnumerateFiles(tmp, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            // Why: the runtime's diagnostic sockets and pipes live here too; they have no length and opening a pipe would
            // block. Every file with content is read whole.
            if (new FileInfo(file).Length > 0)
            {
                AssertSecretFree($"{caseName}: {file}", await File.ReadAllTextAsync(file), token);
            }
        }
    }

    [Fact]
    public async Task Cli_ConsulCertificateFromAnotherCa_ExitsOneWithAClearMessageAndWritesNothing()
    {
        using var otherCa = Pki.CreateCa("Not The Consul CA");
        var caFile = Path.Combine(_work, "other-ca.pem");
        await File.WriteAllTextAsync(caFile, Pki.Pem(otherCa));
        var environment = new Dictionary<string, string>(fixture.Moto.Environment, StringComparer.Ordinal)
        {
            ["CONSUL_HTTP_ADDR"] = _consul.Address.AbsoluteUri,
            ["CONSUL_HTTP_TOKEN"] = Token,
            ["CONSUL_CACERT"] = caFile,
            ["AWS_ACCOUNT_ID"] = "123456789012",
        };

        var run = await CliProcess.RunAsync(environment, "sync");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("is not signed by", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Contains("CONSUL_CACERT", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _consul.Stats!.Writes);
        AssertSecretFree("wrong CA", run.Stdout + run.Stderr, Token);
    }

    private void AssertSecretFree(string where, string text, string token)
    {
        Assert.False(text.Contains(token, StringComparison.Ordinal), $"{where}: the ACL token appears");
        foreach (var line in Pki.BodyLines(_caPem))
        {
            Assert.False(text.Contains(line, StringComparison.Ordinal), $"{where}: a line of the CA PEM appears: {line}");
        }

        Assert.False(text.Contains("BEGIN CERTIFICATE", StringComparison.Ordinal), $"{where}: a PEM certificate appears");
    }
}
