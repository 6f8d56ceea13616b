using System.Reflection;
using Microsoft.Extensions.Time.Testing;

namespace LambdaRegistrator.Function.Tests;

public sealed class FunctionHandlerTests
{
    [Fact]
    public async Task HandleAsync_HandlerSucceeds_ReturnsTheResponseStream()
    {
        var initializer = TestInitializer.Echoing();
        var handler = new FunctionHandler(initializer, _ => null, TimeProvider.System);

        using var output = await handler.HandleAsync(new MemoryStream("""{"detail-type":"Scheduled Event"}"""u8.ToArray()));
        using var reader = new StreamReader(output);

        Assert.Equal("""{"outcome":"succeeded","trigger":"test-handler"}""", await reader.ReadToEndAsync());
        Assert.Equal("""{"detail-type":"Scheduled Event"}""", initializer.Seen[0].EventJson);
    }

    [Fact]
    public async Task HandleAsync_SeveralInvocations_InitializesOnce()
    {
        var initializer = TestInitializer.Echoing();
        var handler = new FunctionHandler(initializer, _ => null, TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            await (await handler.HandleAsync(new MemoryStream("{}"u8.ToArray()))).DisposeAsync();
        }

        Assert.Equal(1, initializer.Calls);
    }

    [Fact]
    public async Task HandleAsync_HandlerReturnsFailure_ThrowsInvocationFailedWithTheErrorType()
    {
        var initializer = new TestInitializer((_, _, _) => Task.FromResult(InvocationResult.Failure("Registrator.MalformedEvent", "not JSON")));
        var handler = new FunctionHandler(initializer, _ => null, TimeProvider.System);

        var thrown = await Assert.ThrowsAsync<InvocationFailedException>(() => handler.HandleAsync(new MemoryStream("{"u8.ToArray())));

        Assert.Equal("Registrator.MalformedEvent", thrown.ErrorType);
        Assert.Equal("Registrator.MalformedEvent: not JSON", thrown.Message);
    }

    [Fact]
    public async Task HandleAsync_InitFailsOnce_ReportsItThenRetriesOnTheNextInvocation()
    {
        var initializer = TestInitializer.Echoing();
        initializer.Failure = new FunctionInitializationException("Runtime.InvalidConfiguration", "CONSUL_HTTP_ADDR is 'ftp://x'");
        var handler = new FunctionHandler(initializer, _ => null, TimeProvider.System);

        var thrown = await Assert.ThrowsAsync<InvocationFailedException>(() => handler.HandleAsync(new MemoryStream("{}"u8.ToArray())));
        initializer.Failure = null;
        await (await handler.HandleAsync(new MemoryStream("{}"u8.ToArray()))).DisposeAsync();

        Assert.Equal("Runtime.InvalidConfiguration", thrown.ErrorType);
        Assert.Equal(2, initializer.Calls);
    }

    public static TheoryData<string, string?, TimeSpan> Budgets => new()
    {
        { "defaults: 30 s budget", null, TimeSpan.FromSeconds(30) },
        { "the function timeout of the Terraform module", "900", TimeSpan.FromSeconds(900) },
    };

    [Theory]
    [MemberData(nameof(Budgets))]
    public async Task HandleAsync_NoLambdaContext_DeadlineComesFromInvocationTimeoutSeconds(string scenario, string? timeoutSeconds, TimeSpan budget)
    {
        _ = scenario;
        var environment = new Dictionary<string, string?> { ["INVOCATION_TIMEOUT_SECONDS"] = timeoutSeconds, ["_X_AMZN_TRACE_ID"] = "Root=1-abc" };
        var initializer = TestInitializer.Echoing();
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 11, 22, 12, 0, 0, TimeSpan.Zero));
        var handler = new FunctionHandler(initializer, name => environment.GetValueOrDefault(name), clock);

        await (await handler.HandleAsync(new MemoryStream("{}"u8.ToArray()))).DisposeAsync();

        var context = initializer.Seen[0].Context;
        Assert.Equal(clock.GetUtcNow() + budget, context.Deadline);
        Assert.Null(context.AwsRequestId);
        Assert.Equal("Root=1-abc", context.TraceId);
        Assert.False(initializer.Seen[0].CancelledAtStart);
    }

    [Fact]
    public async Task HandleAsync_InvalidInvocationTimeout_ThrowsInvalidConfigurationNamingTheVariable()
    {
        var handler = new FunctionHandler(TestInitializer.Echoing(), name => name == "INVOCATION_TIMEOUT_SECONDS" ? "half a minute" : null, TimeProvider.System);

        var thrown = await Assert.ThrowsAsync<InvocationFailedException>(() => handler.HandleAsync(new MemoryStream("{}"u8.ToArray())));

        Assert.Equal("Runtime.InvalidConfiguration", thrown.ErrorType);
        Assert.Contains("INVOCATION_TIMEOUT_SECONDS is 'half a minute'", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HandlerString_NamesThisAssemblyTypeAndMethod()
    {
        var parts = FunctionHandler.HandlerString.Split("::");
        var assembly = typeof(FunctionHandler).Assembly;

        Assert.Equal(3, parts.Length);
        Assert.Equal(assembly.GetName().Name, parts[0]);
        var method = assembly.GetType(parts[1], throwOnError: true)!.GetMethod(parts[2], BindingFlags.Public | BindingFlags.Instance);
        Assert.NotNull(method);
        Assert.Equal(typeof(Task<Stream>), method.ReturnType);
        Assert.Equal([typeof(Stream)], method.GetParameters().Select(p => p.ParameterType));
        Assert.NotNull(method.DeclaringType!.GetConstructor(Type.EmptyTypes));
    }
}
