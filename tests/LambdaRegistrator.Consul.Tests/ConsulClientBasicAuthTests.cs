using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.ConsulSimulator;

namespace LambdaRegistrator.Consul.Tests;

/// <summary>
/// <c>CONSUL_HTTP_AUTH</c>: parsed as Consul's Go client does, sent as HTTP basic auth on every request, never shown.
/// Real Consul ignores basic auth (it is for a proxy in front of it), so the simulator checks it only when asked to.
/// </summary>
public sealed class ConsulClientBasicAuthTests
{
    private const string Password = "pa55:w0rd-never-shown";

    public static TheoryData<string, string, string, string> ValidValues => new()
    {
        // case, value, user, password
        { "user and password", "registrator:s3cret", "registrator", "s3cret" },
        { "only the first colon splits", "registrator:" + Password, "registrator", Password },
        { "no colon: empty password", "registrator", "registrator", "" },
        { "empty password after the colon", "registrator:", "registrator", "" },
        { "unicode", "régistrateur:mot-de-passe-é", "régistrateur", "mot-de-passe-é" },
    };

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void FromEnvironment_HttpAuth_SplitLikeTheGoClient(string caseName, string value, string user, string password)
    {
        var options = ConsulClientOptions.FromEnvironment(Env(("CONSUL_HTTP_AUTH", value)));

        Assert.True(options.HttpAuth is not null, caseName);
        Assert.Equal(user, options.HttpAuth.Username);
        Assert.Equal(password, options.HttpAuth.Password);
        Assert.Contains("HttpAuth = (set)", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(value, options.HttpAuth.ToString(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedValues => new()
    {
        { "no user name", ":" + Password, "the user name before ':' is empty" },
        { "a pasted line break", "registrator:" + Password + "\n", "control character" },
        { "a tab", "registrator:\t" + Password, "control character" },
    };

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void FromEnvironment_MalformedHttpAuth_ClearErrorWithoutTheValue(string caseName, string value, string fragment)
    {
        var e = Assert.Throws<ConsulConfigurationException>(() => ConsulClientOptions.FromEnvironment(Env(("CONSUL_HTTP_AUTH", value))));

        Assert.Contains("CONSUL_HTTP_AUTH is malformed", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Contains(fragment, StringComparison.Ordinal), $"{caseName}: {e.Message}");
        Assert.DoesNotContain(Password, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_NoHttpAuth_SendsNone() =>
        Assert.Null(ConsulClientOptions.FromEnvironment(Env()).HttpAuth);

    [Fact]
    public async Task ListServicesAsync_ProxyWantsBasicAuth_AcceptedWithItRefusedClearlyWithoutItOrWithAWrongOne()
    {
        await using var proxy = await ConsulSimulatorServer.StartAsync(new ConsulSimulatorOptions { RequireBasicAuth = "registrator:" + Password });
        var address = proxy.BaseAddress.AbsoluteUri;

        using var authorised = new ConsulClient(ConsulClientOptions.FromEnvironment(Env(("CONSUL_HTTP_ADDR", address), ("CONSUL_HTTP_AUTH", "registrator:" + Password))), ConsulRetryPolicy.None);
        Assert.True((await authorised.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None)).Value.ContainsKey("consul"));

        foreach (var auth in new[] { null, "registrator:wrong-" + Password })
        {
            var environment = auth is null ? Env(("CONSUL_HTTP_ADDR", address)) : Env(("CONSUL_HTTP_ADDR", address), ("CONSUL_HTTP_AUTH", auth));
            var attempts = new CountingObserver();
            using var client = new ConsulClient(ConsulClientOptions.FromEnvironment(environment), ConsulRetryPolicy.Default, attempts);

            var e = await Assert.ThrowsAnyAsync<ConsulException>(() => client.ListServicesAsync(ConsulScope.Default, null, CancellationToken.None));

            Assert.Contains("refused GET /v1/catalog/services with 401", e.Message, StringComparison.Ordinal);
            Assert.Contains("CONSUL_HTTP_AUTH=user:password", e.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, e.Message + e.ResponseBody, StringComparison.Ordinal);
            Assert.False(e.IsTransient);

            // Not retried: a refused credential does not get better.
            Assert.Equal(1, attempts.Sent);
        }

        // The refused requests never reached "Consul".
        Assert.Equal(1, proxy.Stats.Count("GET /v1/catalog/services"));
    }

    private sealed class CountingObserver : IConsulRequestObserver
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        public void RequestSent(string request, int attempt) => Interlocked.Increment(ref _sent);

        public void Retrying(string request, int attempt, TimeSpan delay, string reason)
        {
        }
    }

    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
