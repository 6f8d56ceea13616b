using LambdaRegistrator.Consul;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Tests.Integration;

/// <summary>The Consul ACL token and CA read from SSM, TLS to Consul, and secrets kept out of logs and reports.</summary>
public sealed class SecretsIntegrationTests(MotoFixture fixture) : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string Token = "9f3c1d2e-secret-token-4b5a-8c7d-6e5f4a3b2c1d";
    private const string WrongToken = "0a1b2c3d-wrong-token-9e8f-7a6b-5c4d3e2f1a0b";
    private const string TokenPath = "/consul/acl-token";
    private const string CaPath = "/consul/ca-cert";

    private MotoServer Moto => fixture.Moto;

    public async Task InitializeAsync()
    {
        await Moto.ResetAsync();
        var role = await Moto.Seed.CreateRoleAsync("registrator-test");
        await Moto.Seed.CreateFunctionAsync("orders", role, new Dictionary<string, string>
        {
            [LambdaTags.Enabled] = "true",
            [LambdaTags.Aliases] = "live",
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task FullSync_TokenAndCaFromSsmAtTraceLevel_SyncsOverTlsAndNeverLogsOrReportsThem()
    {
        using var certificates = new TestCertificates();
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            SimulatorOnly = true,
            AclBootstrapToken = Token,
            TlsCertificateFile = certificates.CertificateFile,
            TlsKeyFile = certificates.KeyFile,
        });
        Assert.Equal(Uri.UriSchemeHttps, consul.Address.Scheme);
        await Moto.Seed.PutParameterAsync(TokenPath, Token);
        await Moto.Seed.PutParameterAsync(CaPath, certificates.CaPem);
        var reader = new ConsulClientOptions { Address = consul.Address, Token = Token, CaCertificatePem = certificates.CaPem };
        using var engine = await Engine.StartAsync(
            Moto.Environment, consul, reader,
            ("LOG_LEVEL", "trace"), ("CONSUL_HTTP_TOKEN_PATH", TokenPath), ("CONSUL_CACERT_PATH", CaPath));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);
        var again = await engine.Registrator.HandleEventAsync(Fakes.SampleEvents.Load("tag-resource.json", "orders"), SyncContext.None, CancellationToken.None);

        Assert.Equal(SyncOutcome.Succeeded, report.Outcome);
        Assert.Equal(["orders"], await engine.ServiceNamesAsync());
        Assert.Equal(SyncOutcome.Succeeded, again.Outcome);
        Assert.Contains("\"level\":\"TRACE\"", engine.Log, StringComparison.Ordinal);
        AssertNoSecret(engine.Log + report + report.Summary + again, certificates);
        Assert.DoesNotContain(Token, string.Join("\n", report.Problems.Select(p => p.Message)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullSync_WrongTokenFromSsm_FailsWithoutLoggingTheToken()
    {
        using var certificates = new TestCertificates();
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions
        {
            SimulatorOnly = true,
            AclBootstrapToken = Token,
            TlsCertificateFile = certificates.CertificateFile,
            TlsKeyFile = certificates.KeyFile,
        });
        await Moto.Seed.PutParameterAsync(TokenPath, WrongToken);
        await Moto.Seed.PutParameterAsync(CaPath, certificates.CaPem);
        var reader = new ConsulClientOptions { Address = consul.Address, Token = Token, CaCertificatePem = certificates.CaPem };
        using var engine = await Engine.StartAsync(
            Moto.Environment, consul, reader,
            ("LOG_LEVEL", "trace"), ("CONSUL_HTTP_TOKEN_PATH", TokenPath), ("CONSUL_CACERT_PATH", CaPath));

        var report = await engine.Registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Failed, report.Outcome);
        Assert.Empty(await engine.ServiceNamesAsync());
        Assert.DoesNotContain(WrongToken, engine.Log + report.Summary, StringComparison.Ordinal);
        AssertNoSecret(engine.Log + report.Summary, certificates);
    }

    [Fact]
    public async Task CreateAsync_TokenParameterMissing_FailsNamingTheVariableAndParameter()
    {
        await using var consul = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });

        var error = await Assert.ThrowsAsync<RegistratorConfigurationException>(() => Engine.StartAsync(Moto, consul, ("CONSUL_HTTP_TOKEN_PATH", "/consul/missing")));

        Assert.Contains("CONSUL_HTTP_TOKEN_PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains("/consul/missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SeveralInvalidVariables_ListsEveryOneInOneError()
    {
        var environment = new Dictionary<string, string>
        {
            ["PAGE_SIZE"] = "500",
            ["INVENTORY_STRATEGY"] = "guess",
            ["CONSUL_HTTP_SSL"] = "maybe",
            ["AWS_ACCOUNT_ID"] = "12",
        };

        var error = await Assert.ThrowsAsync<RegistratorConfigurationException>(
            () => Registrator.CreateAsync(name => environment.GetValueOrDefault(name)));

        foreach (var variable in new[] { "PAGE_SIZE", "INVENTORY_STRATEGY", "CONSUL_HTTP_SSL", "AWS_ACCOUNT_ID", "AWS_REGION" })
        {
            Assert.Contains(variable, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(5, error.Problems.Count);
    }

    private static void AssertNoSecret(string text, TestCertificates certificates)
    {
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(certificates.CaFingerprintText, text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN CERTIFICATE", text, StringComparison.Ordinal);
    }
}
