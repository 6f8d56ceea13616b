using LambdaRegistrator.Aws.Tagging;

namespace LambdaRegistrator.Aws.Tests.Tagging;

/// <summary>GetResources paging against the stub, which ends with an empty token like the real API may.</summary>
public sealed class TaggingApiPagingTests : StubTestBase
{
    private const string EnabledTag = "serverless.consul.hashicorp.com/v1alpha1/lambda/enabled";

    [Fact]
    public async Task GetResourcesAsync_ManyPages_FollowsTokensUntilEmpty()
    {
        Stub.PageSize = 2;
        var enabled = Enumerable.Range(0, 5).Select(i => Stub.AddFunction($"on-{i}", new Dictionary<string, string> { [EnabledTag] = "true", ["n"] = $"{i}" })).ToList();
        Stub.AddFunction("off", new Dictionary<string, string> { [EnabledTag] = "false" });
        Stub.AddFunction("untagged");
        using var clients = TestClients.Create(Stub.Endpoint);

        var resources = await clients.Tagging.GetResourcesAsync([ResourceTypeFilters.LambdaFunction], [new TagFilter(EnabledTag, ["true"])]).ToListAsync();

        Assert.Equal(enabled, resources.Select(r => r.ResourceArn));
        Assert.Equal(["0", "1", "2", "3", "4"], resources.Select(r => r.Tags["n"]));
        var calls = Stub.Requests.Where(r => r.Operation == "GetResources").ToList();
        Assert.Equal(3, calls.Count);
        Assert.All(calls, c => Assert.Equal(100, c.PageSize));
        Assert.Equal([null, "Get+2/1==", "Get+4/2=="], calls.Select(c => c.Marker));
    }

    [Fact]
    public async Task GetResourcesAsync_NonRetryableFailureMidway_Throws()
    {
        Stub.PageSize = 1;
        Stub.AddFunction("a", new Dictionary<string, string> { [EnabledTag] = "true" });
        Stub.AddFunction("b", new Dictionary<string, string> { [EnabledTag] = "true" });
        Stub.FailPage("GetResources", page: 2, statusCode: 400, errorCode: "PaginationTokenExpiredException");
        using var clients = TestClients.Create(Stub.Endpoint);
        var seen = new List<string>();

        var exception = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (var resource in clients.Tagging.GetResourcesAsync([ResourceTypeFilters.LambdaFunction], []))
            {
                seen.Add(resource.ResourceArn);
            }
        });

        Assert.Single(seen);
        Assert.Equal("PaginationTokenExpiredException", exception.ErrorCode);
        Assert.Equal("ResourceGroupsTaggingAPI", exception.ServiceName);
        Assert.Contains("15 minutes", exception.Message, StringComparison.Ordinal);
    }
}
