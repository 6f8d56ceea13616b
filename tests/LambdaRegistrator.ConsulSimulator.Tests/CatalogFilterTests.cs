namespace LambdaRegistrator.ConsulSimulator.Tests;

/// <summary>The <c>filter</c> parameter on catalog and config reads (go-bexpr subset), end to end.</summary>
public sealed class CatalogFilterTests : IClassFixture<ConsulTargetFixture>
{
    private readonly ConsulTargetFixture _fixture;

    public CatalogFilterTests(ConsulTargetFixture fixture)
    {
        _fixture = fixture;
    }

    private ConsulApi Api => _fixture.Api;

    [Fact]
    public async Task Services_FilterOnTagsAndMeta_KeepsMatchingInstancesOnly()
    {
        var managed = ConsulApi.UniqueName("managed");
        var other = ConsulApi.UniqueName("other");
        await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + managed + "\",\"Tags\":[\"managed-by-lambda-registrator\"],\"Meta\":{\"owner\":\"" + managed + "\"}}}");
        await Api.PutAsync("/v1/catalog/register",
            "{\"Node\":\"lambdas\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"" + other + "\",\"Tags\":[\"manual\"]}}");

        var byTag = (await Api.GetAsync("/v1/catalog/services?filter=" + Uri.EscapeDataString("\"managed-by-lambda-registrator\" in ServiceTags"))).Json();
        var byMeta = (await Api.GetAsync("/v1/catalog/services?filter=" + Uri.EscapeDataString($"ServiceMeta.owner == \"{managed}\" and not (ServiceName == \"{other}\")"))).Json();

        Assert.True(byTag.TryGetProperty(managed, out _));
        Assert.False(byTag.TryGetProperty(other, out _));
        Assert.Equal([managed], byMeta.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task NodeServices_Filter_AppliesToServices()
    {
        var node = ConsulApi.UniqueName("fnode");
        await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"" + node + "\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"a\",\"Tags\":[\"x\"]}}");
        await Api.PutAsync("/v1/catalog/register", "{\"Node\":\"" + node + "\",\"SkipNodeUpdate\":true,\"Service\":{\"Service\":\"b\"}}");

        var services = (await Api.GetAsync($"/v1/catalog/node-services/{node}?filter=" + Uri.EscapeDataString("Tags contains \"x\""))).Json()
            .GetProperty("Services");

        Assert.Equal(["a"], services.EnumerateArray().Select(s => s.GetProperty("Service").GetString()!).ToArray());
    }

    [Fact]
    public async Task ConfigList_FilterOnServiceDefaults_KeepsMatchingEntries()
    {
        var http = ConsulApi.UniqueName("fhttp");
        var tcp = ConsulApi.UniqueName("ftcp");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + http + "\",\"Protocol\":\"http\"}");
        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + tcp + "\",\"Protocol\":\"tcp\"}");

        var names = (await Api.GetAsync("/v1/config/service-defaults?filter=" + Uri.EscapeDataString("Protocol == \"http\""))).Json()
            .EnumerateArray().Select(e => e.GetProperty("Name").GetString()).ToList();

        Assert.Contains(http, names);
        Assert.DoesNotContain(tcp, names);
    }

    [Fact]
    public async Task ConfigList_FilterOnOtherKind_Returns500()
    {
        var reply = await Api.GetAsync("/v1/config/proxy-defaults?filter=" + Uri.EscapeDataString("Name == \"global\""));

        Assert.Equal(500, reply.Status);
        Assert.Equal("filtering not supported for config entry kind=proxy-defaults", reply.Body);
    }

    [Fact]
    public async Task ConfigGet_BlockingOnMissingEntry_IsReleasedByItsCreation()
    {
        var name = ConsulApi.UniqueName("later");
        var missing = await Api.GetAsync($"/v1/config/service-defaults/{name}");
        var blocked = Api.GetAsync($"/v1/config/service-defaults/{name}?index={missing.Index}&wait=30s");

        await Api.PutAsync("/v1/config", "{\"Kind\":\"service-defaults\",\"Name\":\"" + name + "\"}");
        var released = await blocked;

        Assert.Equal(404, missing.Status);
        Assert.True(released.Index > missing.Index);
        Assert.Equal(200, released.Status);
    }
}
