using LambdaRegistrator.Aws.Tagging;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Tagging;

/// <summary>GetResources against moto_server with tag filters.</summary>
public sealed class TaggingApiMotoTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string EnabledTag = "serverless.consul.hashicorp.com/v1alpha1/lambda/enabled";
    private const string PartitionTag = "serverless.consul.hashicorp.com/v1alpha1/lambda/partition";
    private readonly MotoServer _moto;
    private AwsClients? _clients;
    private readonly Dictionary<string, string> _arns = new(StringComparer.Ordinal);

    public TaggingApiMotoTests(MotoFixture fixture) => _moto = fixture.Moto;

    public async Task InitializeAsync()
    {
        await _moto.ResetAsync();
        var role = await _moto.Seed.CreateRoleAsync("registrator-test");
        _arns["enabled-a"] = await _moto.Seed.CreateFunctionAsync("enabled-a", role, new Dictionary<string, string> { [EnabledTag] = "true", [PartitionTag] = "a" });
        _arns["enabled-b"] = await _moto.Seed.CreateFunctionAsync("enabled-b", role, new Dictionary<string, string> { [EnabledTag] = "true", [PartitionTag] = "b" });
        _arns["disabled"] = await _moto.Seed.CreateFunctionAsync("disabled", role, new Dictionary<string, string> { [EnabledTag] = "false" });
        _arns["other"] = await _moto.Seed.CreateFunctionAsync("other", role, new Dictionary<string, string> { ["team"] = "x" });
        _arns["untagged"] = await _moto.Seed.CreateFunctionAsync("untagged", role);
        _clients = TestClients.Create(_moto.Endpoint);
    }

    public Task DisposeAsync()
    {
        _clients?.Dispose();
        return Task.CompletedTask;
    }

    public static TheoryData<string, TagFilter[], string[]> Cases => new()
    {
        { "No filter lists every tagged function", [], ["disabled", "enabled-a", "enabled-b", "other"] },
        { "Key and value", [new TagFilter(EnabledTag, ["true"])], ["enabled-a", "enabled-b"] },
        { "Key with any value", [new TagFilter(EnabledTag, [])], ["disabled", "enabled-a", "enabled-b"] },
        { "Values are ORed", [new TagFilter(PartitionTag, ["a", "b"])], ["enabled-a", "enabled-b"] },
        { "Filters are ANDed", [new TagFilter(EnabledTag, ["true"]), new TagFilter(PartitionTag, ["b"])], ["enabled-b"] },
        { "Nothing matches", [new TagFilter(EnabledTag, ["maybe"])], [] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task GetResourcesAsync_TagFilters_ReturnsMatchingFunctionsWithTags(string caseName, TagFilter[] filters, string[] expected)
    {
        var resources = await _clients!.Tagging.GetResourcesAsync([ResourceTypeFilters.LambdaFunction], filters).ToListAsync();

        Assert.True(expected.Select(name => _arns[name]).Order().SequenceEqual(resources.Select(r => r.ResourceArn).Order()), caseName);
        foreach (var resource in resources.Where(r => r.ResourceArn == _arns["enabled-a"]))
        {
            Assert.Equal("true", resource.Tags[EnabledTag]);
            Assert.Equal("a", resource.Tags[PartitionTag]);
        }
    }
}
