using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Lambda;

/// <summary>Lambda paging loops against a stub that really paginates with tokens that need percent-encoding.</summary>
public sealed class LambdaApiPagingTests : StubTestBase
{
    public static TheoryData<string, int, int, int> PageCases => new()
    {
        { "Exactly one page", 2, 2, 1 },
        { "Several full pages", 6, 2, 3 },
        { "Last page partial", 7, 2, 4 },
        { "Page size one", 3, 1, 3 },
        { "Empty account", 0, 2, 1 },
    };

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task ListFunctionsAsync_ManyPages_FollowsEveryMarker(string caseName, int functions, int pageSize, int expectedCalls)
    {
        Stub.PageSize = pageSize;
        var names = Enumerable.Range(0, functions).Select(i => $"fn-{i:00}").ToList();
        names.ForEach(name => Stub.AddFunction(name));
        using var clients = TestClients.Create(Stub.Endpoint);

        var listed = await clients.Lambda.ListFunctionsAsync().ToListAsync();

        Assert.True(names.SequenceEqual(listed.Select(f => f.FunctionName)), caseName);
        var calls = Stub.Requests.Where(r => r.Operation == "ListFunctions").ToList();
        Assert.Equal(expectedCalls, calls.Count);
        Assert.All(calls, call => Assert.False(call.Failed, $"{caseName}: {call.RawTarget}"));
        Assert.Null(calls[0].Marker);
        Assert.All(calls, call => Assert.Equal(50, call.PageSize));
    }

    [Fact]
    public async Task ListFunctionsAsync_MarkerWithPlusSlashEquals_IsPercentEncodedOnTheWire()
    {
        Stub.AddFunction("a");
        Stub.AddFunction("b");
        Stub.AddFunction("c");
        using var clients = TestClients.Create(Stub.Endpoint);

        await clients.Lambda.ListFunctionsAsync(maxItems: 1).ToListAsync();

        var second = Stub.Requests.Where(r => r.Operation == "ListFunctions").ElementAt(1);
        Assert.Equal("Lis+1/1==", second.Marker);
        Assert.Contains("Marker=Lis%2B1%2F1%3D%3D", second.RawTarget, StringComparison.Ordinal);
        Assert.Contains("MaxItems=1", second.RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFunctionsAsync_NonRetryableFailureOnPageTwo_YieldsPageOneThenThrows()
    {
        Stub.PageSize = 2;
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            Stub.AddFunction(name);
        }

        Stub.FailPage("ListFunctions", page: 2, statusCode: 400, errorCode: "InvalidParameterValueException");
        using var clients = TestClients.Create(Stub.Endpoint);
        var seen = new List<string>();

        var exception = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (var function in clients.Lambda.ListFunctionsAsync())
            {
                seen.Add(function.FunctionName);
            }
        });

        Assert.Equal(["a", "b"], seen);
        Assert.Equal("InvalidParameterValueException", exception.ErrorCode);
        Assert.Equal("ListFunctions", exception.Operation);
        Assert.Equal(1, exception.Attempts);
        Assert.Equal(2, Stub.Requests.Count(r => r.Operation == "ListFunctions"));
    }

    [Fact]
    public async Task ListFunctionsAsync_TransientFailureOnPageTwo_RetriesTheSameMarker()
    {
        Stub.PageSize = 2;
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            Stub.AddFunction(name);
        }

        Stub.FailPage("ListFunctions", page: 2, statusCode: 500, errorCode: "ServiceException", times: 2);
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(Stub.Endpoint, time);

        var listed = await clients.Lambda.ListFunctionsAsync().ToListAsync();

        Assert.Equal(["a", "b", "c", "d", "e"], listed.Select(f => f.FunctionName));
        var calls = Stub.Requests.Where(r => r.Operation == "ListFunctions").ToList();
        Assert.Equal([false, true, true, false, false], calls.Select(c => c.Failed));
        Assert.Single(calls.Skip(1).Take(3).Select(c => c.Marker).Distinct());
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task ListAliasesAsync_ManyPages_FollowsEveryMarker()
    {
        Stub.PageSize = 2;
        Stub.AddFunction("aliased");
        foreach (var alias in new[] { "blue", "green", "live", "canary", "beta" })
        {
            Stub.AddAlias("aliased", alias, "3");
        }

        using var clients = TestClients.Create(Stub.Endpoint);

        var aliases = await clients.Lambda.ListAliasesAsync("aliased").ToListAsync();

        Assert.Equal(["blue", "green", "live", "canary", "beta"], aliases.Select(a => a.Name));
        Assert.All(aliases, a => Assert.Equal("3", a.FunctionVersion));
        Assert.Equal(3, Stub.Requests.Count(r => r.Operation == "ListAliases" && !r.Failed));
    }

    [Fact]
    public async Task ListAliasesAsync_FailureOnLastPage_Throws()
    {
        Stub.PageSize = 1;
        Stub.AddFunction("aliased");
        Stub.AddAlias("aliased", "one");
        Stub.AddAlias("aliased", "two");
        Stub.FailPage("ListAliases", page: 2, statusCode: 403, errorCode: "AccessDeniedException");
        using var clients = TestClients.Create(Stub.Endpoint);

        var exception = await Assert.ThrowsAsync<AwsServiceException>(async () => await clients.Lambda.ListAliasesAsync("aliased").ToListAsync());

        Assert.True(exception.IsAccessDenied);
        Assert.Contains("lambda:ListAliases", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFunctionAsync_ListTagsDenied_ReturnsUnknownTagsNotEmptyTags()
    {
        Stub.AddFunction("secretive", new Dictionary<string, string> { ["serverless.consul.hashicorp.com/v1alpha1/lambda/enabled"] = "true" });
        Stub.DenyListTags = true;
        using var clients = TestClients.Create(Stub.Endpoint);

        var function = await clients.Lambda.GetFunctionAsync("secretive");

        Assert.NotNull(function);
        Assert.False(function.Tags.IsKnown);
        Assert.Equal("AccessDeniedException", function.Tags.ErrorCode);
        Assert.False(function.Tags.TryGetValues(out _));
        var exception = Assert.Throws<InvalidOperationException>(() => function.Tags.Values);
        Assert.Contains("lambda:ListTags", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetFunctionAsync_RealLambdaNotFoundShape_ReturnsNull()
    {
        using var clients = TestClients.Create(Stub.Endpoint);

        Assert.Null(await clients.Lambda.GetFunctionAsync("arn:aws:lambda:us-east-1:123456789012:function:gone"));
        Assert.Contains("arn%3Aaws%3Alambda", Stub.Requests.Single().RawTarget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFunctionsAsync_ControlPlaneLimit_SpendsVirtualTimeBetweenPages()
    {
        Stub.PageSize = 1;
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            Stub.AddFunction(name);
        }

        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(
            Stub.Endpoint, time, rateLimits: AwsRateLimits.Unlimited with { LambdaControlPlane = new RateLimit(2, 1) });

        await clients.Lambda.ListFunctionsAsync().ToListAsync();

        // 5 pages at 2/s with a burst of 1: at least (5 - 1) / 2 = 2 s of (virtual) waiting.
        Assert.True(time.Elapsed >= TimeSpan.FromSeconds(2), $"{time.Elapsed}");
        Assert.Equal(4, time.Delays.Count);
    }

    [Fact]
    public async Task GetFunctionAsync_OwnBucket_DoesNotSpendControlPlaneTokens()
    {
        Stub.AddFunction("a");
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(
            Stub.Endpoint, time, rateLimits: new AwsRateLimits { GetFunction = new RateLimit(100, 3), LambdaControlPlane = new RateLimit(1, 1) });

        for (var i = 0; i < 3; i++)
        {
            await clients.Lambda.GetFunctionAsync("a");
        }

        await clients.Lambda.ListFunctionsAsync().ToListAsync();

        Assert.Empty(time.Delays);
    }
}
