using System.Net;
using LambdaRegistrator.Aws.Tagging;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Aws.Tests.Http;

/// <summary>Throttling, 5xx, resets and timeouts injected between the clients and moto: retried, re-signed, bounded.</summary>
public sealed class RetryTests : IClassFixture<FaultFixture>
{
    private readonly FaultFixture _fixture;

    public RetryTests(FaultFixture fixture)
    {
        _fixture = fixture;
        fixture.Proxy.Reset();
    }

    private AwsFaultProxy Proxy => _fixture.Proxy;

    public static TheoryData<string, AwsFaultKind> FaultKinds => new()
    {
        { "Lambda 429 TooManyRequestsException on ListFunctions", AwsFaultKind.LambdaTooManyRequests },
        { "SSM ThrottlingException on GetParameter", AwsFaultKind.SsmThrottling },
        { "Tagging ThrottledException on GetResources", AwsFaultKind.TaggingThrottled },
        { "500 ServiceException on GetFunction", AwsFaultKind.InternalError },
        { "Connection reset on GetFunction", AwsFaultKind.ConnectionReset },
        { "Attempt timeout on ListTags", AwsFaultKind.Delay },
    };

    [Theory]
    [MemberData(nameof(FaultKinds))]
    public async Task Call_TwoTransientFaults_RetriesResignedAndSucceeds(string caseName, AwsFaultKind kind)
    {
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(Proxy.Endpoint, time, new AwsRetryOptions { AttemptTimeout = kind == AwsFaultKind.Delay ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(30) });
        var fault = FaultFor(kind) with { Count = 2 };
        Proxy.Inject(fault);

        await InvokeAsync(clients, kind);

        // Two injected faults, then the answer; a slow moto may add a timed-out clean attempt, which is still a retry.
        var attempts = Proxy.Requests.Where(r => Matches(fault, r)).ToList();
        Assert.True(attempts.Count >= 3, $"{caseName}: {attempts.Count} attempts");
        Assert.Equal([kind, kind], attempts.Take(2).Select(a => a.Fault));
        Assert.All(attempts.Skip(2), a => Assert.Null(a.Fault));
        Assert.All(attempts, a => Assert.StartsWith("AWS4-HMAC-SHA256 Credential=testing/", a.Authorization, StringComparison.Ordinal));
        Assert.All(attempts, a => Assert.False(string.IsNullOrEmpty(a.AmzDate)));
        Assert.Equal(attempts.Count - 1, time.Delays.Count);
    }

    public static TheoryData<string, int?, double, double> RetryAfterCases => new()
    {
        { "Retry-After longer than the backoff is honoured", 7, 0.0, 7000 },
        { "Retry-After beyond MaxDelay is capped", 120, 0.0, 20_000 },
        { "Without Retry-After the jittered backoff applies", null, 1.0, 250 },
    };

    [Theory]
    [MemberData(nameof(RetryAfterCases))]
    public async Task ListFunctions_TooManyRequests_WaitsPerRetryAfter(string caseName, int? retryAfterSeconds, double jitter, double expectedMs)
    {
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(Proxy.Endpoint, time, jitter: jitter);
        Proxy.Inject(FaultFor(AwsFaultKind.LambdaTooManyRequests) with { RetryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : null });

        var functions = await clients.Lambda.ListFunctionsAsync().ToListAsync();

        Assert.Contains(functions, f => f.FunctionName == FaultFixture.FunctionName);
        Assert.True(time.Delays.SequenceEqual([TimeSpan.FromMilliseconds(expectedMs)]), $"{caseName}: {string.Join(", ", time.Delays)}");
    }

    public static TheoryData<string, AwsFaultKind, string, HttpStatusCode?> GiveUpCases => new()
    {
        { "Persistent 500", AwsFaultKind.InternalError, "ServiceException", HttpStatusCode.InternalServerError },
        { "Persistent throttling", AwsFaultKind.LambdaTooManyRequests, "TooManyRequestsException", HttpStatusCode.TooManyRequests },
        { "Persistent resets", AwsFaultKind.ConnectionReset, AwsServiceException.ConnectionFailureCode, null },
    };

    [Theory]
    [MemberData(nameof(GiveUpCases))]
    public async Task GetFunction_FaultOutlastsAttempts_ThrowsAfterMaxAttempts(string caseName, AwsFaultKind kind, string code, HttpStatusCode? status)
    {
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(Proxy.Endpoint, time, new AwsRetryOptions { MaxAttempts = 3 });
        var fault = new AwsFault(kind, Count: 100) { PathPrefix = "/2015-03-31/functions/" };
        Proxy.Inject(fault);

        var exception = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Lambda.GetFunctionAsync(FaultFixture.FunctionName));

        Assert.True(code == exception.ErrorCode, $"{caseName}: {exception.ErrorCode}");
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal(3, exception.Attempts);
        Assert.Equal("Lambda", exception.ServiceName);
        Assert.Equal("GetFunction", exception.Operation);
        Assert.Contains("after 3 attempts", exception.Message, StringComparison.Ordinal);
        Assert.Equal(3, Proxy.Requests.Count(r => Matches(fault, r)));
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task GetFunction_MissingFunction_IsNotRetried()
    {
        var time = new RecordingTimeProvider();
        using var clients = TestClients.Create(Proxy.Endpoint, time);

        Assert.Null(await clients.Lambda.GetFunctionAsync("missing"));

        Assert.Single(Proxy.Requests);
        Assert.Empty(time.Delays);
    }

    [Fact]
    public async Task GetFunction_CancelledDuringBackoff_StopsRetrying()
    {
        using var deadline = new CancellationTokenSource();
        using var clients = TestClients.Create(Proxy.Endpoint, new CancelOnWaitTimeProvider(deadline));
        Proxy.Inject(new AwsFault(AwsFaultKind.InternalError, Count: 100) { PathPrefix = "/2015-03-31/functions/" });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.Lambda.GetFunctionAsync(FaultFixture.FunctionName, deadline.Token));

        Assert.Single(Proxy.Requests);
    }

    [Fact]
    public async Task GetParameter_AlreadyCancelled_SendsNothing()
    {
        using var clients = TestClients.Create(Proxy.Endpoint);
        using var deadline = new CancellationTokenSource();
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => clients.ParameterStore.GetParameterAsync(FaultFixture.ParameterName, true, deadline.Token));

        Assert.Empty(Proxy.Requests);
    }

    private static AwsFault FaultFor(AwsFaultKind kind) => kind switch
    {
        AwsFaultKind.LambdaTooManyRequests => new AwsFault(kind) { PathPrefix = "/2015-03-31/functions" },
        AwsFaultKind.SsmThrottling => new AwsFault(kind) { Target = "AmazonSSM.GetParameter" },
        AwsFaultKind.TaggingThrottled => new AwsFault(kind) { Target = "ResourceGroupsTaggingAPI_20170126.GetResources" },
        AwsFaultKind.InternalError or AwsFaultKind.ConnectionReset => new AwsFault(kind) { PathPrefix = "/2015-03-31/functions/" },
        AwsFaultKind.Delay => new AwsFault(kind) { PathPrefix = "/2017-03-31/tags/", Delay = TimeSpan.FromSeconds(30) },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private async Task InvokeAsync(AwsClients clients, AwsFaultKind kind)
    {
        switch (kind)
        {
            case AwsFaultKind.LambdaTooManyRequests:
                Assert.Contains(await clients.Lambda.ListFunctionsAsync().ToListAsync(), f => f.FunctionName == FaultFixture.FunctionName);
                break;
            case AwsFaultKind.SsmThrottling:
                Assert.Equal("token-value", (await clients.ParameterStore.GetParameterAsync(FaultFixture.ParameterName))?.Value);
                break;
            case AwsFaultKind.TaggingThrottled:
                var resources = await clients.Tagging.GetResourcesAsync([ResourceTypeFilters.LambdaFunction], [new TagFilter("team", ["payments"])]).ToListAsync();
                Assert.Equal([_fixture.FunctionArn], resources.Select(r => r.ResourceArn));
                break;
            case AwsFaultKind.InternalError or AwsFaultKind.ConnectionReset:
                Assert.Equal("payments", (await clients.Lambda.GetFunctionAsync(FaultFixture.FunctionName))?.Tags.Values["team"]);
                break;
            case AwsFaultKind.Delay:
                Assert.Equal("payments", (await clients.Lambda.ListTagsAsync(_fixture.FunctionArn))?["team"]);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    private static bool Matches(AwsFault fault, ProxiedRequest request) =>
        (fault.PathPrefix is null || request.PathAndQuery.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
        && (fault.Target is null || fault.Target == request.Target);

    /// <summary>A clock whose waits never end on their own: the first wait cancels the caller's deadline instead.</summary>
    private sealed class CancelOnWaitTimeProvider(CancellationTokenSource deadline) : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                deadline.Cancel();
            }

            return System.CreateTimer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }
}
