using System.Text;

namespace LambdaRegistrator.Function.Tests;

/// <summary>An initializer that records its calls and hands out a handler built from a delegate.</summary>
internal sealed class TestInitializer(Func<ReadOnlyMemory<byte>, InvocationContext, CancellationToken, Task<InvocationResult>> handle) : IFunctionInitializer
{
    private int _calls;

    /// <summary>Thrown by <see cref="InitializeAsync"/> instead of returning a handler, when set.</summary>
    public Exception? Failure { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Every invocation the handler saw: its context and whether its token was already cancelled.</summary>
    public List<(InvocationContext Context, bool CancelledAtStart, string EventJson, string? TraceEnvironment)> Seen { get; } = [];

    /// <summary>The summary the registrator answers with before its engine is wired in.</summary>
    public static TestInitializer Echoing() =>
        new((_, _, _) => Task.FromResult(InvocationResult.Success(
            Encoding.UTF8.GetBytes("""{"status":"ok","ignored":"registrator engine not wired yet"}"""))));

    public Task<IInvocationHandler> InitializeAsync(Func<string, string?> environment, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        return Failure is { } failure
            ? Task.FromException<IInvocationHandler>(failure)
            : Task.FromResult<IInvocationHandler>(new Handler(this));
    }

    private sealed class Handler(TestInitializer owner) : IInvocationHandler
    {
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
