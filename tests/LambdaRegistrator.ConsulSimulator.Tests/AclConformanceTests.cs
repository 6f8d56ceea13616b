using LambdaRegistrator.TestKit.Consul;
using Xunit.Abstractions;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>ACL facts (ACLs on, default deny: denial texts, token sources) against <see cref="ConsulTarget"/>.</summary>
public sealed class AclConformanceTests : IClassFixture<AclConsulTargetFixture>
{
    private readonly AclConsulTargetFixture _fixture;

    public AclConformanceTests(AclConsulTargetFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        output.WriteLine($"Consul target: {fixture.Target.Kind} at {fixture.Target.Address} ({ConsulBinary.Describe()})");
    }

    private ConsulApi Api => _fixture.Api;

    private static string RegisterBody(string node, string service) =>
        "{\"Node\":\"" + node + "\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + service + "\"}}";

    // 13
    [Fact]
    public async Task Register_AnonymousToken_Returns403ServiceWriteFirst()
    {
        var reply = await Api.PutAsync("/v1/catalog/register", RegisterBody("acl-node", "web"));

        Assert.Equal(403, reply.Status);
        Assert.Equal(
            "Permission denied: anonymous token lacks permission 'service:write' on \"web\". The anonymous token is used implicitly when a request does not specify a token.",
            reply.Body);
        Assert.Equal("deny", reply.Header("X-Consul-Default-ACL-Policy"));
    }

    [Fact]
    public async Task Register_UnknownToken_Returns403AclNotFound()
    {
        var reply = await Api.PutAsync("/v1/catalog/register", RegisterBody("acl-node", "web"), token: Guid.NewGuid().ToString());

        Assert.Equal(403, reply.Status);
        Assert.Equal("ACL not found", reply.Body);
    }

    [Fact]
    public async Task Services_AnonymousToken_Returns200FilteredWithoutFilteredHeader()
    {
        var registered = await Api.PutAsync("/v1/catalog/register", RegisterBody(ConsulApi.UniqueName("hidden"), "hidden-svc"), _fixture.ManagementToken);
        Assert.Equal(200, registered.Status);

        var reply = await Api.GetAsync("/v1/catalog/services");

        Assert.Equal(200, reply.Status);
        Assert.Equal("{}", reply.Body);
        Assert.Null(reply.Header("X-Consul-Results-Filtered-By-ACLs"));
    }

    [Fact]
    public async Task Services_ManagementToken_SeesEverything()
    {
        var service = ConsulApi.UniqueName("visible");
        await Api.PutAsync("/v1/catalog/register", RegisterBody(ConsulApi.UniqueName("vis"), service), _fixture.ManagementToken);

        var reply = await Api.GetAsync("/v1/catalog/services", _fixture.ManagementToken);

        Assert.True(reply.Json().TryGetProperty(service, out _));
    }

    [Fact]
    public async Task ConfigGet_AnonymousToken_Returns403EvenForMissingEntry()
    {
        var reply = await Api.GetAsync("/v1/config/service-defaults/missing-entry");

        Assert.Equal(403, reply.Status);
        Assert.StartsWith("Permission denied: anonymous token lacks permission 'service:read' on \"missing-entry\"", reply.Body, StringComparison.Ordinal);
    }

    // 14
    public static TheoryData<string, string> TokenSources => new()
    {
        { "X-Consul-Token header", "header" },
        { "Authorization Bearer", "bearer" },
        { "token query parameter", "query" },
    };

    private Task<ConsulReply> RegisterWith(string source, string token, string body) => source switch
    {
        "header" => Api.SendAsync(HttpMethod.Put, "/v1/catalog/register", body, headers: new Dictionary<string, string> { ["X-Consul-Token"] = token }),
        "bearer" => Api.SendAsync(HttpMethod.Put, "/v1/catalog/register", body, headers: new Dictionary<string, string> { ["Authorization"] = "Bearer " + token }),
        _ => Api.SendAsync(HttpMethod.Put, "/v1/catalog/register?token=" + Uri.EscapeDataString(token), body),
    };

    [Theory]
    [MemberData(nameof(TokenSources))]
    public async Task Register_TokenSource_IsHonoured(string caseName, string source)
    {
        var body = RegisterBody(ConsulApi.UniqueName("tok"), ConsulApi.UniqueName("tok-svc"));

        var management = await RegisterWith(source, _fixture.ManagementToken, body);
        var unknown = await RegisterWith(source, Guid.NewGuid().ToString(), body);

        Assert.True(management.Status == 200, $"{caseName}: management token got {management.Status} {management.Body}");
        Assert.Equal((403, "ACL not found"), (unknown.Status, unknown.Body));
    }
}
