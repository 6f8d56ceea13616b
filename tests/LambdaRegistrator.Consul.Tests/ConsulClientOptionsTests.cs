using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientOptionsTests
{
    private static readonly Lazy<(string Ca, string ClientCert, string ClientKey, string OtherKey)> Pem = new(() =>
    {
        using var ca = TestPki.CreateCa("test-ca");
        using var client = TestPki.CreateClient(ca, "registrator");
        using var other = TestPki.CreateClient(ca, "other");
        return (TestPki.CertificatePem(ca), TestPki.CertificatePem(client), TestPki.PrivateKeyPem(client), TestPki.PrivateKeyPem(other));
    });

    private static string ReadFile(string path) => path switch
    {
        "/token" => "  file-token\n",
        "/blank-token" => " \n",
        "/ca.pem" => Pem.Value.Ca,
        "/not-pem" => "hello",
        "/client.crt" => Pem.Value.ClientCert,
        "/client.key" => Pem.Value.ClientKey,
        "/other.key" => Pem.Value.OtherKey,
        "/denied" => throw new UnauthorizedAccessException($"Access to the path '{path}' is denied."),
        _ => throw new FileNotFoundException($"Could not find file '{path}'.", path),
    };

    private static Func<string, string?> Env(string spec)
    {
        var values = spec.Split('|', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
        return name => values.GetValueOrDefault(name);
    }

    public static TheoryData<string, string, string> AddressCases => new()
    {
        { "nothing set: Go's default localhost:8500 over http", "", "http://localhost:8500/" },
        { "empty variable is ignored", "CONSUL_HTTP_ADDR=", "http://localhost:8500/" },
        { "host:port", "CONSUL_HTTP_ADDR=10.0.0.5:8500", "http://10.0.0.5:8500/" },
        { "host without port", "CONSUL_HTTP_ADDR=consul.example", "http://consul.example/" },
        { "http URL", "CONSUL_HTTP_ADDR=http://consul.example:8500", "http://consul.example:8500/" },
        { "https URL switches to TLS", "CONSUL_HTTP_ADDR=https://consul.example:8501", "https://consul.example:8501/" },
        { "scheme is case-insensitive", "CONSUL_HTTP_ADDR=HTTPS://consul.example:8501", "https://consul.example:8501/" },
        { "CONSUL_HTTP_SSL=true upgrades host:port", "CONSUL_HTTP_ADDR=consul.example:8501|CONSUL_HTTP_SSL=true", "https://consul.example:8501/" },
        { "CONSUL_HTTP_SSL=1 upgrades even an http URL, like Go", "CONSUL_HTTP_ADDR=http://consul.example:8501|CONSUL_HTTP_SSL=1", "https://consul.example:8501/" },
        { "CONSUL_HTTP_SSL=false keeps an https URL", "CONSUL_HTTP_ADDR=https://consul.example:8501|CONSUL_HTTP_SSL=false", "https://consul.example:8501/" },
        { "CONSUL_HTTP_SSL alone upgrades the default address", "CONSUL_HTTP_SSL=true", "https://localhost:8500/" },
        { "path prefix is kept", "CONSUL_HTTP_ADDR=https://proxy.example/consul/", "https://proxy.example/consul/" },
        { "path prefix on host:port", "CONSUL_HTTP_ADDR=proxy.example:8080/a/b", "http://proxy.example:8080/a/b/" },
        { "IPv6 literal", "CONSUL_HTTP_ADDR=[::1]:8500", "http://[::1]:8500/" },
    };

    [Theory]
    [MemberData(nameof(AddressCases))]
    public void FromEnvironment_Address_MatchesGoClient(string caseName, string env, string expected)
    {
        var options = ConsulClientOptions.FromEnvironment(Env(env), ReadFile);

        Assert.True(expected == options.Address.AbsoluteUri, $"{caseName}: got {options.Address}");
    }

    public static TheoryData<string, string, string?> TokenCases => new()
    {
        { "no token", "", null },
        { "token variable", "CONSUL_HTTP_TOKEN=env-token", "env-token" },
        { "token file alone, trimmed", "CONSUL_HTTP_TOKEN_FILE=/token", "file-token" },
        { "token file wins over the variable", "CONSUL_HTTP_TOKEN=env-token|CONSUL_HTTP_TOKEN_FILE=/token", "file-token" },
        { "blank token file falls back to the variable, like Go", "CONSUL_HTTP_TOKEN=env-token|CONSUL_HTTP_TOKEN_FILE=/blank-token", "env-token" },
    };

    [Theory]
    [MemberData(nameof(TokenCases))]
    public void FromEnvironment_Token_FileWinsTrimmed(string caseName, string env, string? expected)
    {
        var options = ConsulClientOptions.FromEnvironment(Env(env), ReadFile);

        Assert.True(expected == options.Token, caseName);
    }

    public static TheoryData<string, string, bool> SkipVerifyCases => new()
    {
        { "unset verifies", "", false },
        { "false skips verification (Go meaning)", "CONSUL_HTTP_SSL_VERIFY=false", true },
        { "0 skips verification", "CONSUL_HTTP_SSL_VERIFY=0", true },
        { "F skips verification", "CONSUL_HTTP_SSL_VERIFY=F", true },
        { "true verifies (unlike the NuGet package)", "CONSUL_HTTP_SSL_VERIFY=true", false },
        { "1 verifies", "CONSUL_HTTP_SSL_VERIFY=1", false },
    };

    [Theory]
    [MemberData(nameof(SkipVerifyCases))]
    public void FromEnvironment_SslVerify_FalseSkipsVerification(string caseName, string env, bool expected)
    {
        var options = ConsulClientOptions.FromEnvironment(Env(env), ReadFile);

        Assert.True(expected == options.InsecureSkipVerify, caseName);
    }

    public static TheoryData<string, string, string?> ServerNameCases => new()
    {
        { "unset", "", null },
        { "plain name", "CONSUL_TLS_SERVER_NAME=server.dc1.consul", "server.dc1.consul" },
        { "port is stripped", "CONSUL_TLS_SERVER_NAME=server.dc1.consul:8501", "server.dc1.consul" },
        { "bracketed IPv6 with port", "CONSUL_TLS_SERVER_NAME=[::1]:8501", "::1" },
    };

    [Theory]
    [MemberData(nameof(ServerNameCases))]
    public void FromEnvironment_TlsServerName_PortStripped(string caseName, string env, string? expected)
    {
        var options = ConsulClientOptions.FromEnvironment(Env(env), ReadFile);

        Assert.True(expected == options.TlsServerName, caseName);
    }

    [Fact]
    public void FromEnvironment_TlsFiles_ReadIntoMemory()
    {
        var options = ConsulClientOptions.FromEnvironment(
            Env("CONSUL_CACERT=/ca.pem|CONSUL_CLIENT_CERT=/client.crt|CONSUL_CLIENT_KEY=/client.key"), ReadFile);

        Assert.Equal(Pem.Value.Ca, options.CaCertificatePem);
        Assert.Equal(Pem.Value.ClientCert, options.ClientCertificatePem);
        Assert.Equal(Pem.Value.ClientKey, options.ClientKeyPem);
    }

    [Fact]
    public void FromEnvironment_EnterpriseVariables_BecomeDefaults()
    {
        var options = ConsulClientOptions.FromEnvironment(Env("CONSUL_NAMESPACE=team-a|CONSUL_PARTITION=part-1"), ReadFile);

        Assert.Equal("team-a", options.Namespace);
        Assert.Equal("part-1", options.Partition);
    }

    [Fact]
    public void FromEnvironment_NothingSet_GoDefaults()
    {
        var options = ConsulClientOptions.FromEnvironment(_ => null, ReadFile);

        Assert.Equal(new ConsulClientOptions(), options);
    }

    public static TheoryData<string, string, string[]> InvalidCases => new()
    {
        { "unknown scheme", "CONSUL_HTTP_ADDR=ftp://consul:21", ["CONSUL_HTTP_ADDR", "unknown protocol scheme 'ftp'", "https://host:port"] },
        { "unix socket", "CONSUL_HTTP_ADDR=unix:///var/run/consul.sock", ["CONSUL_HTTP_ADDR", "unix sockets", "not supported"] },
        { "scheme without host", "CONSUL_HTTP_ADDR=http://", ["CONSUL_HTTP_ADDR", "not a valid address"] },
        { "SSL not a Go bool", "CONSUL_HTTP_SSL=yes", ["CONSUL_HTTP_SSL: 'yes' is not a boolean", "Use true or false"] },
        { "SSL_VERIFY not a Go bool", "CONSUL_HTTP_SSL_VERIFY=off", ["CONSUL_HTTP_SSL_VERIFY: 'off' is not a boolean"] },
        { "token file missing", "CONSUL_HTTP_TOKEN_FILE=/missing", ["CONSUL_HTTP_TOKEN_FILE", "'/missing'", "Check the path"] },
        { "token file unreadable", "CONSUL_HTTP_TOKEN_FILE=/denied", ["CONSUL_HTTP_TOKEN_FILE", "UnauthorizedAccessException", "may read the file"] },
        { "CA file missing", "CONSUL_CACERT=/missing-ca.pem", ["CONSUL_CACERT", "'/missing-ca.pem'"] },
        { "CA file not PEM", "CONSUL_CACERT=/not-pem", ["CONSUL_CACERT", "holds no PEM certificate"] },
        { "CA directory", "CONSUL_CAPATH=/etc/consul/ca", ["CONSUL_CAPATH is not supported", "CONSUL_CACERT"] },
        { "client cert without key", "CONSUL_CLIENT_CERT=/client.crt", ["CONSUL_CLIENT_KEY: must be set together with CONSUL_CLIENT_CERT", "both or neither"] },
        { "client key without cert", "CONSUL_CLIENT_KEY=/client.key", ["CONSUL_CLIENT_CERT: must be set together with CONSUL_CLIENT_KEY"] },
        { "client cert with another key", "CONSUL_CLIENT_CERT=/client.crt|CONSUL_CLIENT_KEY=/other.key", ["CONSUL_CLIENT_CERT/CONSUL_CLIENT_KEY", "not a matching"] },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void TryFromEnvironment_InvalidValue_ErrorNamesVariable(string caseName, string env, string[] fragments)
    {
        var ok = ConsulClientOptions.TryFromEnvironment(Env(env), ReadFile, out _, out var errors);

        Assert.False(ok, caseName);
        var error = Assert.Single(errors);
        foreach (var fragment in fragments)
        {
            Assert.True(error.Contains(fragment, StringComparison.Ordinal), $"{caseName}: '{error}' lacks '{fragment}'");
        }
    }

    [Fact]
    public void FromEnvironment_SeveralProblems_ThrowsListingEach()
    {
        var e = Assert.Throws<ConsulConfigurationException>(() =>
            ConsulClientOptions.FromEnvironment(Env("CONSUL_HTTP_ADDR=gopher://x|CONSUL_HTTP_SSL=maybe|CONSUL_CLIENT_CERT=/client.crt"), ReadFile));

        Assert.Equal(3, e.Errors.Count);
        Assert.Contains("3 problems", e.Message, StringComparison.Ordinal);
        Assert.Contains("CONSUL_HTTP_SSL", e.Message, StringComparison.Ordinal);
        Assert.Contains("CONSUL_HTTP_ADDR", e.Message, StringComparison.Ordinal);
        Assert.Contains("CONSUL_CLIENT_KEY", e.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool?> GoBoolCases => new()
    {
        { "1", true }, { "t", true }, { "T", true }, { "TRUE", true }, { "true", true }, { "True", true },
        { "0", false }, { "f", false }, { "F", false }, { "FALSE", false }, { "false", false }, { "False", false },
        { "tRuE", null }, { "yes", null }, { "on", null }, { " true", null }, { "2", null }, { "", null },
    };

    [Theory]
    [MemberData(nameof(GoBoolCases))]
    public void ParseGoBool_Value_MatchesStrconvParseBool(string value, bool? expected)
    {
        Assert.Equal(expected, ConsulClientOptions.ParseGoBool(value));
    }

    [Fact]
    public void ToString_WithSecrets_ShowsOnlyPresence()
    {
        var options = new ConsulClientOptions
        {
            Token = "b1gs3cr3t-token",
            CaCertificatePem = Pem.Value.Ca,
            ClientCertificatePem = Pem.Value.ClientCert,
            ClientKeyPem = Pem.Value.ClientKey,
        };

        var text = options.ToString();

        Assert.DoesNotContain("b1gs3cr3t", text, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN", text, StringComparison.Ordinal);
        Assert.Contains("Token = (set)", text, StringComparison.Ordinal);
        Assert.Contains("ClientKeyPem = (set)", text, StringComparison.Ordinal);
        Assert.Contains("Address = http://localhost:8500/", text, StringComparison.Ordinal);
    }
}
