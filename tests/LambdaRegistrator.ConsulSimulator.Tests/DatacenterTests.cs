using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>State per datacenter: register bodies pick the datacenter, reads take <c>?dc=</c>.</summary>
public sealed class DatacenterTests
{
    [Fact]
    public async Task Register_DatacenterInBody_LandsInThatDatacenterOnly()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] });
        using var api = new ConsulApi(target.Address);

        var reply = await api.PutAsync("/v1/catalog/register?dc=dc1",
            "{\"Datacenter\":\"dc2\",\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"remote-fn\"}}");
        var inDc2 = (await api.GetAsync("/v1/catalog/service/remote-fn?dc=dc2")).Json();
        var inDc1 = await api.GetAsync("/v1/catalog/service/remote-fn");

        Assert.Equal("true", reply.Body);
        Assert.Equal("dc2", inDc2[0].GetProperty("Datacenter").GetString());
        Assert.Equal("[]", inDc1.Body);
    }

    [Fact]
    public async Task Register_UnknownDatacenterInBody_Returns500NoPath()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
        using var api = new ConsulApi(target.Address);

        var reply = await api.PutAsync("/v1/catalog/register", "{\"Datacenter\":\"dc9\",\"Node\":\"n\",\"SkipNodeUpdate\":true}");

        Assert.Equal((500, "No path to datacenter"), (reply.Status, reply.Body));
    }

    [Fact]
    public async Task Indexes_PerDatacenter_MoveIndependently()
    {
        await using var target = await ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true, AdditionalDatacenters = ["dc2"] });
        using var api = new ConsulApi(target.Address);
        var dc2Before = await api.GetAsync("/v1/catalog/services?dc=dc2");

        await api.PutAsync("/v1/catalog/register", "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"local-fn\"}}");
        var dc2After = await api.GetAsync("/v1/catalog/services?dc=dc2");

        Assert.Equal(dc2Before.Index, dc2After.Index);
    }
}
