using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>Enterprise mode: namespaces and partitions are accepted, scoped and emitted.</summary>
public sealed class EnterpriseModeTests : IClassFixture<EnterpriseModeTests.EnterpriseFixture>
{
    private readonly EnterpriseFixture _fixture;

    public EnterpriseModeTests(EnterpriseFixture fixture)
    {
        _fixture = fixture;
    }

    /// <summary>An Enterprise target (ACLs off).</summary>
    public sealed class EnterpriseFixture : ConsulTargetFixture
    {
        protected override ConsulTargetOptions Options => new() { Enterprise = true };
    }

    private ConsulApi Api => _fixture.Api;

    private async Task<string> NamespaceAsync(string partition = "default")
    {
        var name = ConsulApi.UniqueName("ns");
        var reply = await Api.PutAsync($"/v1/namespace?partition={partition}", "{\"Name\":\"" + name + "\"}");
        Assert.True(reply.Status == 200, reply.Body);
        return name;
    }

    [ConsulEnterpriseFact]
    public async Task Register_InNamespace_IsScopedToThatNamespace()
    {
        var ns = await NamespaceAsync();
        var service = ConsulApi.UniqueName("ens");

        var reply = await Api.PutAsync($"/v1/catalog/register?ns={ns}",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + service + "\"}}");
        var inNamespace = (await Api.GetAsync($"/v1/catalog/services?ns={ns}")).Json();
        var inDefault = (await Api.GetAsync("/v1/catalog/services")).Json();
        var instance = (await Api.GetAsync($"/v1/catalog/service/{service}?ns={ns}")).Json()[0];

        Assert.Equal("true", reply.Body);
        Assert.True(inNamespace.TryGetProperty(service, out _));
        Assert.False(inDefault.TryGetProperty(service, out _));
        Assert.Equal(ns, instance.GetProperty("Namespace").GetString());
        Assert.Equal("default", instance.GetProperty("Partition").GetString());
    }

    [ConsulEnterpriseFact]
    public async Task Register_NamespaceInBody_WinsOverDefault()
    {
        var ns = await NamespaceAsync();
        var service = ConsulApi.UniqueName("body");

        await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + service + "\",\"Namespace\":\"" + ns + "\"}}");

        Assert.True((await Api.GetAsync($"/v1/catalog/services?ns={ns}")).Json().TryGetProperty(service, out _));
    }

    [ConsulEnterpriseFact]
    public async Task Register_UnknownNamespace_Fails()
    {
        var reply = await Api.PutAsync("/v1/catalog/register?ns=never-created",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"x\"}}");

        Assert.NotEqual(200, reply.Status);
        Assert.Contains("does not exist", reply.Body, StringComparison.Ordinal);
    }

    [ConsulEnterpriseFact]
    public async Task ConfigEntry_InNamespace_CarriesTenancyFieldsAndIsInvisibleElsewhere()
    {
        var ns = await NamespaceAsync();
        var name = ConsulApi.UniqueName("cfg");

        var put = await Api.PutAsync($"/v1/config?ns={ns}", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\",\"Protocol\":\"http\"}");
        var read = await Api.GetAsync($"/v1/config/service-defaults/{name}?ns={ns}");
        var elsewhere = await Api.GetAsync($"/v1/config/service-defaults/{name}");

        Assert.Equal("true", put.Body);
        Assert.Equal(ns, read.Json().GetProperty("Namespace").GetString());
        Assert.Equal("default", read.Json().GetProperty("Partition").GetString());
        Assert.Equal(404, elsewhere.Status);
    }

    [ConsulEnterpriseFact]
    public async Task Partition_Created_ScopesNodesAndServices()
    {
        var partition = ConsulApi.UniqueName("ap");
        var created = await Api.PutAsync("/v1/partition", "{\"Name\":\"" + partition + "\"}");
        var node = ConsulApi.UniqueName("pn");

        var register = await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"" + node + "\",\"Partition\":\"" + partition + "\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"p-svc\"}}");
        var inPartition = (await Api.GetAsync($"/v1/catalog/node-services/{node}?partition={partition}")).Json();
        var inDefault = await Api.GetAsync($"/v1/catalog/node-services/{node}");

        Assert.Equal(200, created.Status);
        Assert.Equal("true", register.Body);
        Assert.Equal(partition, inPartition.GetProperty("Node").GetProperty("Partition").GetString());
        Assert.Equal("{\"Node\":null,\"Services\":null}", inDefault.Body);
    }

    [ConsulEnterpriseFact]
    public async Task Namespaces_List_IncludesDefaultAndCreated()
    {
        var ns = await NamespaceAsync();

        var names = (await Api.GetAsync("/v1/namespaces")).Json().EnumerateArray().Select(n => n.GetProperty("Name").GetString()).ToList();

        Assert.Contains("default", names);
        Assert.Contains(ns, names);
    }

    [ConsulEnterpriseFact]
    public async Task Leaf_InPartition_HasPartitionInSpiffeId()
    {
        var partition = ConsulApi.UniqueName("leafap");
        await Api.PutAsync("/v1/partition", "{\"Name\":\"" + partition + "\"}");

        var leaf = (await Api.GetAsync($"/v1/agent/connect/ca/leaf/web?partition={partition}")).Json();

        Assert.Contains($"/ap/{partition}/ns/default/dc/", leaf.GetProperty("ServiceURI").GetString(), StringComparison.Ordinal);
    }

    [ConsulEnterpriseFact]
    public async Task ExportedServicesPut_NamedAfterAPartition_LivesInItWithPartitionConsumers()
    {
        var partition = ConsulApi.UniqueName("ap");
        Assert.Equal(200, (await Api.PutAsync("/v1/partition", "{\"Name\":\"" + partition + "\"}")).Status);

        var reply = await Api.PutAsync("/v1/config",
            "{\"Kind\":\"exported-services\",\"Name\":\"" + partition + "\",\"Services\":[{\"Name\":\"fn\",\"Consumers\":[{\"Partition\":\"default\"},{\"SamenessGroup\":\"g\"}]}]}");
        var inPartition = await Api.GetAsync($"/v1/config/exported-services/{partition}?partition={partition}");

        Assert.Equal("true", reply.Body);
        var entry = inPartition.Json();
        Assert.Equal(partition, entry.GetProperty("Partition").GetString());
        Assert.Equal("default", entry.GetProperty("Services")[0].GetProperty("Namespace").GetString());
        Assert.Equal("g", entry.GetProperty("Services")[0].GetProperty("Consumers")[1].GetProperty("SamenessGroup").GetString());
    }

    [ConsulEnterpriseFact]
    public async Task TerminatingGatewayPut_LinkedServices_InheritTheEntryNamespace()
    {
        var ns = await NamespaceAsync();
        var name = ConsulApi.UniqueName("etgw");

        await Api.PutAsync($"/v1/config?ns={ns}", "{\"Kind\":\"terminating-gateway\",\"Name\":\"" + name + "\",\"Services\":[{\"Name\":\"fn\"}]}");
        var service = (await Api.GetAsync($"/v1/config/terminating-gateway/{name}?ns={ns}")).Json().GetProperty("Services")[0];

        Assert.Equal((ns, "default"), (service.GetProperty("Namespace").GetString(), service.GetProperty("Partition").GetString()));
    }
}
