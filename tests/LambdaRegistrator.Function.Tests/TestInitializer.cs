using System.Text;

namespace LambdaRegistrator.Function.Tests;

/// <summary>An initializer that records its calls and hands out a handler built from a delegate.</summary>
internal sealed class TestInitializer(Func<ReadOnlyMemory<byte>, InvocationContext, CancellationToken, Task<InvocationResult>> handle) : IFunctionInitializer
{
    private int _calls;

    /// <summary>Thrown by <see cref="InitializeAsync"/> instead of returning a handler, when set.</summary>
    public Exception? Failure { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>The margin the handler asks for (the registrator's DEADLINE_MARGIN_MS default).</summary>
    public TimeSpan DeadlineMargin { get; set; } = TimeSpan.FromMilliseconds(2000);

    /// <summary>Every invocation the handler saw: its context and whether its token was already cancelled.</summary>
    public List<(InvocationContext Context, bool CancelledAtStart, string EventJson, string? TraceEnvironment)> Seen { get; } = [];

    /// <summary>A handler that answers every event with a fixed summary.</summary>
    public static TestInitializer Echoing() =>
        new((_, _, _) => Task.FromResult(InvocationResult.Success(
            Encoding.UTF8.GetBytes("""{"outcome":"succeeded","trigger":"test-handler"}"""))));

    public Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Failure is { } failure
            ? Task.FromException<IInvocationHandler>(failure)
            : Task.FromResult<IInvocationHandler>(new Handler(this));
    }

    private sealed class Handler(TestInitializer owner) : IInvocationHandler
    {
        public TimeSpan DeadlineMargin => owner.DeadlineMargin;

        public Task<InvocationResult> HandleAsync(ReadOnlyMemory<byte> eventJson, InvocationContext context, CancellationToken cancellationToken)
        {
            lock (owner.Seen)
            {
                owner.Seen.Add((context, cancellationToken.IsCancellationRequested, Encoding.UTF8.GetString(eventJson.Span),
                    Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID")));
            }

            return owner._handle(eventJson, context, cancellationToken);
        }
    }

    private readonly Func<ReadOnlyMemory<byte>, InvocationContext, CancellationToken, Task<InvocationResult>> _handle = handle;
}
