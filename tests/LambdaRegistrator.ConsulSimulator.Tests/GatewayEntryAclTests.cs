using System.Text.Json;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>
/// The ACL each gateway kind needs (<c>CanRead</c>/<c>CanWrite</c>): terminating-gateway reads need service:read on the
/// gateway and writes mesh:write; exported-services needs mesh:read / mesh:write; operator:write stands in for an unset
/// mesh rule.
/// </summary>
public sealed class GatewayEntryAclTests : IClassFixture<AclConsulTargetFixture>
{
    private readonly AclConsulTargetFixture _fixture;

    public GatewayEntryAclTests(AclConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    private async Task<(string Accessor, string Secret)> TokenAsync(string rules)
    {
        var policy = await Api.PutAsync("/v1/acl/policy",
            "{\"Name\":\"" + ConsulApi.UniqueName("policy") + "\",\"Rules\":" + JsonSerializer.Serialize(rules, TestJsonContext.Default.String) + "}",
            _fixture.ManagementToken);
        Assert.True(policy.Status == 200, policy.Body);
        var token = await Api.PutAsync("/v1/acl/token",
            "{\"Policies\":[{\"ID\":\"" + policy.Json().GetProperty("ID").GetString() + "\"}]}", _fixture.ManagementToken);
        Assert.True(token.Status == 200, token.Body);
        return (token.Json().GetProperty("AccessorID").GetString()!, token.Json().GetProperty("SecretID").GetString()!);
    }

    private static string Gateway(string name) =>
        "{\"Kind\":\"terminating-gateway\",\"Name\":\"" + name + "\",\"Services\":[{\"Name\":\"fn\"}]}";

    public static TheoryData<string, string, bool> GatewayWriteCases => new()
    {
        { "mesh write", "mesh = \"write\"", true },
        { "operator write without a mesh rule", "operator = \"write\"", true },
        { "mesh read beats operator write", "mesh = \"read\"\noperator = \"write\"", false },
        { "service write on the gateway is not enough", "service_prefix \"\" { policy = \"write\" }", false },
    };

    [Theory]
    [MemberData(nameof(GatewayWriteCases))]
    public async Task TerminatingGatewayPut_TokenRules_NeedMeshWrite(string caseName, string rules, bool allowed)
    {
        var (accessor, secret) = await TokenAsync(rules);

        var reply = await Api.PutAsync("/v1/config", Gateway(ConsulApi.UniqueName("tgacl")), secret);

        if (allowed)
        {
            Assert.True(reply.Status == 200, $"{caseName}: {reply.Status} {reply.Body}");
        }
        else
        {
            Assert.True(reply.Status == 403, $"{caseName}: {reply.Status} {reply.Body}");
            Assert.Equal($"Permission denied: token with AccessorID '{accessor}' lacks permission 'mesh:write'", reply.Body);
        }
    }

    [Fact]
    public async Task TerminatingGatewayGet_ServiceReadOnTheGateway_Suffices()
    {
        var name = ConsulApi.UniqueName("tgread");
        await Api.PutAsync("/v1/config", Gateway(name), _fixture.ManagementToken);
        var (_, reader) = await TokenAsync($"service \"{name}\" {{ policy = \"read\" }}");
        var (accessor, stranger) = await TokenAsync("service \"other\" { policy = \"read\" }");

        var allowed = await Api.GetAsync($"/v1/config/terminating-gateway/{name}", reader);
        var denied = await Api.GetAsync($"/v1/config/terminating-gateway/{name}", stranger);

        Assert.Equal(200, allowed.Status);
        Assert.Equal((403, $"Permission denied: token with AccessorID '{accessor}' lacks permission 'service:read' on \"{name}\""), (denied.Status, denied.Body));
    }

    [Fact]
    public async Task ExportedServicesGet_NeedsMeshRead()
    {
        var (_, reader) = await TokenAsync("mesh = \"read\"");
        var (accessor, stranger) = await TokenAsync("service_prefix \"\" { policy = \"write\" }");

        var allowed = await Api.GetAsync("/v1/config/exported-services/default", reader);
        var denied = await Api.GetAsync("/v1/config/exported-services/default", stranger);

        Assert.Contains(allowed.Status, new[] { 200, 404 });
        Assert.Equal((403, $"Permission denied: token with AccessorID '{accessor}' lacks permission 'mesh:read'"), (denied.Status, denied.Body));
    }

    [Fact]
    public async Task ExportedServicesPut_MeshReadIsNotWrite()
    {
        var (accessor, secret) = await TokenAsync("mesh = \"read\"");

        var reply = await Api.PutAsync("/v1/config",
            "{\"Kind\":\"exported-services\",\"Name\":\"default\",\"Services\":[{\"Name\":\"s\",\"Consumers\":[{\"Peer\":\"p\"}]}]}", secret);

        Assert.Equal((403, $"Permission denied: token with AccessorID '{accessor}' lacks permission 'mesh:write'"), (reply.Status, reply.Body));
    }
}
