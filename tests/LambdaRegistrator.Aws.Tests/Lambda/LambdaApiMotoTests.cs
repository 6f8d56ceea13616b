using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Lambda;

/// <summary>The Lambda client against moto_server (one per class), seeded with tagged functions and aliases.</summary>
public sealed class LambdaApiMotoTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private const string EnabledTag = "serverless.consul.hashicorp.com/v1alpha1/lambda/enabled";
    private readonly MotoServer _moto;
    private AwsClients? _clients;
    private string _roleArn = string.Empty;

    public LambdaApiMotoTests(MotoFixture fixture) => _moto = fixture.Moto;

    private AwsClients Clients => _clients!;

    public async Task InitializeAsync()
    {
        await _moto.ResetAsync();
        _roleArn = await _moto.Seed.CreateRoleAsync("registrator-test");
        _clients = TestClients.Create(_moto.Endpoint);
    }

    public Task DisposeAsync()
    {
        _clients?.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ListFunctionsAsync_SeededFunctions_ReturnsEveryFunction()
    {
        var arns = new List<string>();
        foreach (var name in new[] { "orders", "payments", "inventory" })
        {
            arns.Add(await _moto.Seed.CreateFunctionAsync(name, _roleArn));
        }

        var functions = await Clients.Lambda.ListFunctionsAsync().ToListAsync();

        Assert.Equal(["inventory", "orders", "payments"], functions.Select(f => f.FunctionName).Order());
        Assert.Equal(arns.Order(), functions.Select(f => f.FunctionArn).Order());
        Assert.All(functions, f => Assert.Equal("python3.12", f.Runtime));
    }

    [Fact]
    public async Task ListFunctionsAsync_NoFunctions_ReturnsEmpty()
    {
        var functions = await Clients.Lambda.ListFunctionsAsync(maxItems: 10).ToListAsync();

        Assert.Empty(functions);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public async Task ListFunctionsAsync_MaxItemsOutOfRange_Throws(int maxItems)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () => await Clients.Lambda.ListFunctionsAsync(maxItems).ToListAsync());
    }

    [Fact]
    public async Task GetFunctionAsync_TaggedFunction_ReturnsConfigurationAndKnownTags()
    {
        var arn = await _moto.Seed.CreateFunctionAsync("orders", _roleArn, new Dictionary<string, string> { [EnabledTag] = "true", ["team"] = "a+b/c=" });

        var function = await Clients.Lambda.GetFunctionAsync("orders");

        Assert.NotNull(function);
        Assert.Equal("orders", function.Configuration.FunctionName);
        Assert.Equal(arn, function.Configuration.FunctionArn);
        Assert.True(function.Tags.IsKnown);
        Assert.Equal("true", function.Tags.Values[EnabledTag]);
        Assert.Equal("a+b/c=", function.Tags.Values["team"]);
    }

    [Fact]
    public async Task GetFunctionAsync_ByArn_ReturnsTheFunction()
    {
        var arn = await _moto.Seed.CreateFunctionAsync("by-arn", _roleArn);

        var function = await Clients.Lambda.GetFunctionAsync(arn);

        Assert.Equal("by-arn", function?.Configuration.FunctionName);
        Assert.True(function?.Tags.IsKnown);
        Assert.Empty(function!.Tags.Values);
    }

    [Fact]
    public async Task GetFunctionAsync_MissingFunction_ReturnsNull()
    {
        var function = await Clients.Lambda.GetFunctionAsync("does-not-exist");

        Assert.Null(function);
    }

    [Fact]
    public async Task GetFunctionAsync_DeletedFunction_ReturnsNull()
    {
        await _moto.Seed.CreateFunctionAsync("short-lived", _roleArn);
        await _moto.Seed.DeleteFunctionAsync("short-lived");

        Assert.Null(await Clients.Lambda.GetFunctionAsync("short-lived"));
    }

    [Fact]
    public async Task ListAliasesAsync_PublishedVersions_ReturnsAliases()
    {
        await _moto.Seed.CreateFunctionAsync("aliased", _roleArn);
        var version = await _moto.Seed.PublishVersionAsync("aliased");
        var liveArn = await _moto.Seed.CreateAliasAsync("aliased", "live", version);
        await _moto.Seed.CreateAliasAsync("aliased", "canary", version);

        var aliases = await Clients.Lambda.ListAliasesAsync("aliased").ToListAsync();

        Assert.Equal(["canary", "live"], aliases.Select(a => a.Name).Order());
        Assert.All(aliases, a => Assert.Equal(version, a.FunctionVersion));
        Assert.Contains(aliases, a => a.AliasArn == liveArn);
    }

    [Fact]
    public async Task GetFunctionAsync_QualifiedByAnExistingAlias_ReturnsTheAliasArnAndTheFunctionsTags()
    {
        var arn = await _moto.Seed.CreateFunctionAsync("qualified", _roleArn, new Dictionary<string, string> { [EnabledTag] = "true" });
        var version = await _moto.Seed.PublishVersionAsync("qualified");
        await _moto.Seed.CreateAliasAsync("qualified", "live", version);

        var function = await Clients.Lambda.GetFunctionAsync(arn, "live", CancellationToken.None);

        Assert.NotNull(function);
        Assert.StartsWith(arn + ":", function.Configuration.FunctionArn, StringComparison.Ordinal);
        Assert.True(function.Tags.IsKnown);
        Assert.Equal("true", function.Tags.Values[EnabledTag]);
    }

    [Fact]
    public async Task GetFunctionAsync_QualifiedByAMissingAliasOrOfAMissingFunction_ReturnsNullForBoth()
    {
        var arn = await _moto.Seed.CreateFunctionAsync("unaliased", _roleArn);

        Assert.Null(await Clients.Lambda.GetFunctionAsync(arn, "live", CancellationToken.None));
        Assert.Null(await Clients.Lambda.GetFunctionAsync("does-not-exist", "live", CancellationToken.None));
        Assert.NotNull(await Clients.Lambda.GetFunctionAsync(arn, null, CancellationToken.None));
    }

    [Fact]
    public async Task ListAliasesAsync_NoAliases_ReturnsEmpty()
    {
        await _moto.Seed.CreateFunctionAsync("plain", _roleArn);

        Assert.Empty(await Clients.Lambda.ListAliasesAsync("plain").ToListAsync());
    }

    [Fact]
    public async Task ListTagsAsync_EncodedArn_ReturnsTags()
    {
        var arn = await _moto.Seed.CreateFunctionAsync("tagged", _roleArn);
        await _moto.Seed.TagResourceAsync(arn, new Dictionary<string, string> { [EnabledTag] = "true" });

        var tags = await Clients.Lambda.ListTagsAsync(arn);

        Assert.NotNull(tags);
        Assert.Equal("true", tags[EnabledTag]);
    }

    [Fact]
    public async Task ListTagsAsync_MissingFunction_ReturnsNull()
    {
        var tags = await Clients.Lambda.ListTagsAsync($"arn:aws:lambda:{MotoServer.Region}:{MotoServer.AccountId}:function:nope");

        Assert.Null(tags);
    }
}
