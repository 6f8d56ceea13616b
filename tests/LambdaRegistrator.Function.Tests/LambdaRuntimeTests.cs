using System.Net;
using LambdaRegistrator.TestKit.Lambda;

namespace LambdaRegistrator.Function.Tests;

public sealed class LambdaRuntimeTests
{
    private const string ScheduledEvent = """{"version":"0","id":"53dc4d37","detail-type":"Scheduled Event","source":"aws.events","detail":{}}""";

    [Fact]
    public async Task RunAsync_HandlerSucceeds_PostsTheResponseBodyAndKeepsServing()
    {
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer);

        var first = loop.Emulator.Enqueue(ScheduledEvent);
        var second = loop.Emulator.Enqueue("""{"detail-type":"Scheduled Event"}""");
        var firstPost = await loop.Emulator.WaitForResultAsync(first, TestTimeout.Token());
        var secondPost = await loop.Emulator.WaitForResultAsync(second, TestTimeout.Token());

        Assert.Equal(RuntimeApiPostKind.Response, firstPost.Kind);
        Assert.Equal("""{"outcome":"succeeded","trigger":"test-handler"}""", firstPost.BodyText);
        Assert.Equal(RuntimeApiPostKind.Response, secondPost.Kind);
        Assert.Equal(1, initializer.Calls);
        Assert.Equal(ScheduledEvent, initializer.Seen[0].EventJson);
        Assert.Equal(first, initializer.Seen[0].Context.AwsRequestId);
        Assert.Equal(loop.Emulator.InvokedFunctionArn, initializer.Seen[0].Context.InvokedFunctionArn);
        Assert.Equal(0, await loop.StopAsync());
    }

    // A handler either returns a failure result (errorType is the result's type) or throws (errorType is the exception's).
    public static TheoryData<string, bool, string, string> Failures => new()
    {
        { "an event the registrator rejects", false, "Registrator.MalformedEvent", "detail-type is missing" },
        { "some Consul writes failed", false, "Registrator.ActionsFailed", "2 of 20 actions failed" },
        { "a handler bug", true, nameof(InvalidOperationException), "the plan had a cycle" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task RunAsync_HandlerFails_PostsErrorWithTypeHeaderAndJsonBody(string scenario, bool handlerThrows, string errorType, string errorMessage)
    {
        _ = scenario;
        var initializer = new TestInitializer((_, _, _) => handlerThrows
            ? throw new InvalidOperationException(errorMessage)
            : Task.FromResult(InvocationResult.Failure(errorType, errorMessage)));
        await using var loop = await LoopHarness.StartAsync(initializer);

        var id = loop.Emulator.Enqueue("{}");
        var post = await loop.Emulator.WaitForResultAsync(id, TestTimeout.Token());
        var error = post.ReadError();

        Assert.Equal(RuntimeApiPostKind.Error, post.Kind);
        Assert.Equal(errorType, post.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal(errorType, error.ErrorType);
        Assert.Equal(errorMessage, error.ErrorMessage);

        // The loop survives the failure and serves the next event.
        var next = loop.Emulator.Enqueue("{}");
        Assert.Equal(RuntimeApiPostKind.Error, (await loop.Emulator.WaitForResultAsync(next, TestTimeout.Token())).Kind);
        Assert.Equal(0, await loop.StopAsync());
    }

    [Fact]
    public async Task RunAsync_HandlerThrows_PostsTheStackTraceFrames()
    {
        var initializer = new TestInitializer((_, _, _) => throw new InvalidDataException("bad tag"));
        await using var loop = await LoopHarness.StartAsync(initializer);

        var id = loop.Emulator.Enqueue("{}");
        var error = (await loop.Emulator.WaitForErrorAsync(id, TestTimeout.Token())).ReadError();

        Assert.NotEmpty(error.StackTrace);
        Assert.All(error.StackTrace, frame => Assert.StartsWith("at ", frame, StringComparison.Ordinal));
    }

    public static TheoryData<string, TimeSpan, bool> Deadlines => new()
    {
        { "deadline an hour away", TimeSpan.FromHours(1), false },
        { "deadline inside the 2 s margin", TimeSpan.FromMilliseconds(500), true },
        { "deadline already passed", TimeSpan.FromSeconds(-5), true },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public async Task RunAsync_DeadlineHeader_ContextCarriesItAndTokenFiresAtDeadlineMinusTheHandlersMargin(string scenario, TimeSpan fromNow, bool cancelledAtStart)
    {
        _ = scenario;
        var initializer = TestInitializer.Echoing();
        initializer.DeadlineMargin = TimeSpan.FromMilliseconds(2000);
        await using var loop = await LoopHarness.StartAsync(initializer);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds((DateTimeOffset.UtcNow + fromNow).ToUnixTimeMilliseconds());

        var id = loop.Emulator.Enqueue("{}", deadline);
        await loop.Emulator.WaitForResultAsync(id, TestTimeout.Token());

        var seen = Assert.Single(initializer.Seen);
        Assert.Equal(deadline, seen.Context.Deadline);
        Assert.Equal(cancelledAtStart, seen.CancelledAtStart);
    }

    [Fact]
    public async Task RunAsync_HandlerGivesUpAtTheDeadline_PostsDeadlineReached()
    {
        var initializer = new TestInitializer(async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return InvocationResult.Success("{}"u8.ToArray());
        });
        initializer.DeadlineMargin = TimeSpan.FromMilliseconds(2000);
        await using var loop = await LoopHarness.StartAsync(initializer);

        var id = loop.Emulator.Enqueue("{}", DateTimeOffset.UtcNow.AddSeconds(1));
        var post = await loop.Emulator.WaitForResultAsync(id, TestTimeout.Token());

        Assert.Equal(RuntimeApiPostKind.Error, post.Kind);
        Assert.Equal("Runtime.DeadlineReached", post.ErrorTypeHeader);
        Assert.Contains("DEADLINE_MARGIN_MS (2000 ms)", post.ReadError().ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TraceHeader_SetsXAmznTraceIdForTheInvocation()
    {
        const string trace = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer);

        var traced = loop.Emulator.Enqueue("{}", traceId: trace);
        await loop.Emulator.WaitForResultAsync(traced, TestTimeout.Token());
        var untraced = loop.Emulator.Enqueue("{}");
        await loop.Emulator.WaitForResultAsync(untraced, TestTimeout.Token());

        Assert.Equal(trace, initializer.Seen[0].Context.TraceId);
        Assert.Equal(trace, initializer.Seen[0].TraceEnvironment);
        Assert.Null(initializer.Seen[1].TraceEnvironment);
    }

    public static TheoryData<string, Exception, string> InitFailures => new()
    {
        { "a typed init failure", new FunctionInitializationException("Runtime.InvalidConfiguration", "CONSUL_HTTP_ADDR is 'ftp://x'"), "Runtime.InvalidConfiguration" },
        { "an unexpected exception", new HttpRequestException("SSM is unreachable"), nameof(HttpRequestException) },
    };

    [Theory]
    [MemberData(nameof(InitFailures))]
    public async Task RunAsync_InitializerFails_PostsInitErrorAndExitsNonZero(string scenario, Exception failure, string errorType)
    {
        _ = scenario;
        var initializer = TestInitializer.Echoing();
        initializer.Failure = failure;
        await using var loop = await LoopHarness.StartAsync(initializer);

        var exitCode = await loop.Run.WaitAsync(TestTimeout.Token());
        var post = await loop.Emulator.WaitForInitErrorAsync(TestTimeout.Token());

        Assert.Equal(1, exitCode);
        Assert.Equal(errorType, post.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", post.ContentType);
        Assert.Equal(errorType, post.ReadError().ErrorType);
        Assert.Equal(failure.Message, post.ReadError().ErrorMessage);
        Assert.Equal(0, loop.Emulator.NextRequests);
    }

    [Fact]
    public async Task RunAsync_InvalidHostSetting_PostsInvalidConfigurationNamingTheVariable()
    {
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer, ("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "lots"));

        var exitCode = await loop.Run.WaitAsync(TestTimeout.Token());
        var error = (await loop.Emulator.WaitForInitErrorAsync(TestTimeout.Token())).ReadError();

        Assert.Equal(1, exitCode);
        Assert.Equal("Runtime.InvalidConfiguration", error.ErrorType);
        Assert.Contains("AWS_LAMBDA_FUNCTION_MEMORY_SIZE is 'lots'", error.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, initializer.Calls);
    }

    [Fact]
    public async Task RunAsync_NoRuntimeApi_ReturnsTwoWithoutInitializing()
    {
        var initializer = TestInitializer.Echoing();

        var exitCode = await LambdaRuntime.RunAsync(initializer, _ => null, TestTimeout.Token());

        Assert.Equal(2, exitCode);
        Assert.Equal(0, initializer.Calls);
    }

    [Fact]
    public async Task RunAsync_ResponseAnswered500_ExitsPromptlyWithThree()
    {
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer);
        loop.Emulator.ResponseStatus = HttpStatusCode.InternalServerError;

        loop.Emulator.Enqueue("{}");
        var exitCode = await loop.Run.WaitAsync(TestTimeout.Token());

        Assert.Equal(3, exitCode);
        Assert.Equal(1, loop.Emulator.NextRequests);
    }

    [Fact]
    public async Task RunAsync_ResponseAnswered413_PostsResponseTooLargeErrorInstead()
    {
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer);
        loop.Emulator.ResponseStatus = HttpStatusCode.RequestEntityTooLarge;

        var id = loop.Emulator.Enqueue("{}");
        var error = await loop.Emulator.WaitForErrorAsync(id, TestTimeout.Token());

        Assert.Equal("Function.ResponseSizeTooLarge", error.ErrorTypeHeader);
        Assert.Contains("413", error.ReadError().ErrorMessage, StringComparison.Ordinal);
        Assert.Equal([RuntimeApiPostKind.Response, RuntimeApiPostKind.Error], loop.Emulator.Posts.Select(p => p.Kind));
        Assert.Equal(0, await loop.StopAsync());
    }

    [Fact]
    public async Task RunAsync_ShutdownWhileWaitingForNext_ReturnsZero()
    {
        var initializer = TestInitializer.Echoing();
        await using var loop = await LoopHarness.StartAsync(initializer);
        var id = loop.Emulator.Enqueue("{}");
        await loop.Emulator.WaitForResultAsync(id, TestTimeout.Token());

        Assert.Equal(0, await loop.StopAsync());
    }
}
