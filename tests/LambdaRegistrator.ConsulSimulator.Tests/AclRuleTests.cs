using System.Text.Json;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>ACL rules in HCL and JSON form, enforced per endpoint like Consul, created through the ACL API.</summary>
public sealed class AclRuleTests : IClassFixture<AclConsulTargetFixture>
{
    private readonly AclConsulTargetFixture _fixture;

    public AclRuleTests(AclConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    private static string Quote(string text) => JsonSerializer.Serialize(text, TestJsonContext.Default.String);

    /// <summary>Creates a policy with <paramref name="rules"/> and a token for it; returns (accessor, secret).</summary>
    private async Task<(string Accessor, string Secret)> TokenWithRulesAsync(string rules)
    {
        var policy = await Api.PutAsync("/v1/acl/policy",
            "{\"Name\":\"" + ConsulApi.UniqueName("policy") + "\",\"Rules\":" + Quote(rules) + "}", _fixture.ManagementToken);
        Assert.True(policy.Status == 200, policy.Body);
        var policyId = policy.Json().GetProperty("ID").GetString();
        var token = await Api.PutAsync("/v1/acl/token", "{\"Policies\":[{\"ID\":\"" + policyId + "\"}]}", _fixture.ManagementToken);
        Assert.True(token.Status == 200, token.Body);
        var json = token.Json();
        return (json.GetProperty("AccessorID").GetString()!, json.GetProperty("SecretID").GetString()!);
    }

    private static string RegisterBody(string node, string service) =>
        "{\"Node\":\"" + node + "\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + service + "\"}}";

    public static TheoryData<string, string, string, bool> WriteCases => new()
    {
        { "HCL exact service rule allows", "service \"web\" { policy = \"write\" }\nnode_prefix \"\" { policy = \"write\" }", "web", true },
        { "HCL exact rule does not cover other names", "service \"web\" { policy = \"write\" }\nnode_prefix \"\" { policy = \"write\" }", "web2", false },
        { "HCL longest prefix wins over shorter deny", "service_prefix \"we\" { policy = \"deny\" }\nservice_prefix \"web-\" { policy = \"write\" }\nnode_prefix \"\" { policy = \"write\" }", "web-1", true },
        { "HCL shorter deny applies outside the longer prefix", "service_prefix \"we\" { policy = \"deny\" }\nservice_prefix \"web-\" { policy = \"write\" }\nnode_prefix \"\" { policy = \"write\" }", "wex", false },
        { "HCL exact deny beats prefix write", "service_prefix \"\" { policy = \"write\" }\nservice \"secret\" { policy = \"deny\" }\nnode_prefix \"\" { policy = \"write\" }", "secret", false },
        { "HCL read is not write", "service_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"write\" }", "web", false },
        { "JSON prefix write allows", "{\"service_prefix\":{\"\":{\"policy\":\"write\"}},\"node_prefix\":{\"\":{\"policy\":\"write\"}}}", "anything", true },
        { "JSON exact deny beats prefix write", "{\"service_prefix\":{\"\":{\"policy\":\"write\"}},\"service\":{\"secret\":{\"policy\":\"deny\"}},\"node_prefix\":{\"\":{\"policy\":\"write\"}}}", "secret", false },
    };

    [Theory]
    [MemberData(nameof(WriteCases))]
    public async Task Register_TokenRules_AllowOrDenyServiceWrite(string caseName, string rules, string service, bool allowed)
    {
        var (accessor, secret) = await TokenWithRulesAsync(rules);

        var reply = await Api.PutAsync("/v1/catalog/register", RegisterBody(ConsulApi.UniqueName("rules"), service), secret);

        if (allowed)
        {
            Assert.True(reply.Status == 200, $"{caseName}: {reply.Status} {reply.Body}");
        }
        else
        {
            Assert.Equal(403, reply.Status);
            Assert.Equal($"Permission denied: token with AccessorID '{accessor}' lacks permission 'service:write' on \"{service}\"", reply.Body);
        }
    }

    [Fact]
    public async Task Register_NewNodeWithoutNodeWrite_Returns403ButExistingNodeNeedsOnlyServiceWrite()
    {
        var (accessor, secret) = await TokenWithRulesAsync("service_prefix \"\" { policy = \"write\" }");
        var node = ConsulApi.UniqueName("ext");

        var firstRegistration = await Api.PutAsync("/v1/catalog/register", RegisterBody(node, "fn-a"), secret);
        var created = await Api.PutAsync("/v1/catalog/register", RegisterBody(node, "seed"), _fixture.ManagementToken);
        var laterRegistration = await Api.PutAsync("/v1/catalog/register", RegisterBody(node, "fn-a"), secret);

        Assert.Equal(403, firstRegistration.Status);
        Assert.Equal($"Permission denied: token with AccessorID '{accessor}' lacks permission 'node:write' on \"{node}\"", firstRegistration.Body);
        Assert.Equal(200, created.Status);
        Assert.Equal(200, laterRegistration.Status);
    }

    [Fact]
    public async Task Services_ServiceReadWithoutNodeRead_IsFilteredWithHeader()
    {
        var service = ConsulApi.UniqueName("listed");
        await Api.PutAsync("/v1/catalog/register", RegisterBody(ConsulApi.UniqueName("ln"), service), _fixture.ManagementToken);
        var (_, serviceOnly) = await TokenWithRulesAsync("service_prefix \"\" { policy = \"read\" }");
        var (_, withNode) = await TokenWithRulesAsync("service_prefix \"\" { policy = \"read\" }\nnode_prefix \"\" { policy = \"read\" }");

        var filtered = await Api.GetAsync("/v1/catalog/services", serviceOnly);
        var visible = await Api.GetAsync("/v1/catalog/services", withNode);

        Assert.Equal(200, filtered.Status);
        Assert.False(filtered.Json().TryGetProperty(service, out _));
        Assert.Equal("true", filtered.Header("X-Consul-Results-Filtered-By-ACLs"));
        Assert.True(visible.Json().TryGetProperty(service, out _));
    }

    [Fact]
    public async Task ConfigPut_ServiceDefaults_NeedsServiceWriteOnTheName()
    {
        var (accessor, secret) = await TokenWithRulesAsync("service \"allowed-entry\" { policy = \"write\" }");

        var allowed = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"allowed-entry\"}", secret);
        var denied = await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"other-entry\"}", secret);
        var deniedDelete = await Api.DeleteAsync("/v1/config/service-defaults/other-entry", secret);

        Assert.Equal("true", allowed.Body);
        Assert.Equal(403, denied.Status);
        Assert.Equal($"Permission denied: token with AccessorID '{accessor}' lacks permission 'service:write' on \"other-entry\"", denied.Body);
        Assert.Equal(403, deniedDelete.Status);
    }

    [Fact]
    public async Task Deregister_ServiceWriteWithoutNodeWrite_CanRemoveOnlyItsService()
    {
        var node = ConsulApi.UniqueName("dn");
        await Api.PutAsync("/v1/catalog/register", RegisterBody(node, "mine"), _fixture.ManagementToken);
        var (accessor, secret) = await TokenWithRulesAsync("service \"mine\" { policy = \"write\" }");

        var service = await Api.PutAsync("/v1/catalog/deregister", "{\"Node\":\"" + node + "\",\"ServiceID\":\"mine\"}", secret);
        var unknown = await Api.PutAsync("/v1/catalog/deregister", "{\"Node\":\"" + node + "\",\"ServiceID\":\"ghost\"}", secret);
        var wholeNode = await Api.PutAsync("/v1/catalog/deregister", "{\"Node\":\"" + node + "\"}", secret);

        Assert.Equal((200, "true"), (service.Status, service.Body));
        Assert.Equal((500, "Unknown service ID 'ghost'"), (unknown.Status, unknown.Body));
        Assert.Equal(403, wholeNode.Status);
        Assert.Equal($"Permission denied: token with AccessorID '{accessor}' lacks permission 'node:write' on \"{node}\"", wholeNode.Body);
    }
}
