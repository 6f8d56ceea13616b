using LambdaRegistrator.Function.Runtime;
using LambdaRegistrator.Logging;

namespace LambdaRegistrator.Function;

/// <summary>
/// The entry point under the managed <c>dotnet10</c> runtime, Stream in and Stream out so no Amazon.Lambda.*
/// serializer is needed. Handler string: <see cref="HandlerString"/>.
/// </summary>
/// <remarks>
/// Lambda creates one instance per container and calls <see cref="HandleAsync"/> once per event. The handler is
/// initialized on the first call (and again on the next call if that failed). A Stream handler is not told its
/// deadline, so the budget is <c>INVOCATION_TIMEOUT_SECONDS</c> (default 30; set it to the function timeout) and the
/// token fires <c>DEADLINE_MARGIN_MS</c> before it. A failure throws <see cref="InvocationFailedException"/>.
/// </remarks>
public sealed class FunctionHandler
{
    /// <summary>The handler string to configure on the function (<c>Assembly::Type::Method</c>).</summary>
    public const string HandlerString = "LambdaRegistrator.Function::LambdaRegistrator.Function.FunctionHandler::HandleAsync";

    private readonly IFunctionInitializer _initializer;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly LogContext _logContext;
    private readonly Lock _gate = new();
    private Task<Initialized>? _initialization;

    /// <summary>Creates the handler the managed runtime uses, composed by <see cref="Composition"/>.</summary>
    public FunctionHandler()
        : this(Composition.CreateInitializer(discoverAccount: true), Environment.GetEnvironmentVariable, TimeProvider.System)
    {
    }

    internal FunctionHandler(IFunctionInitializer initializer, Func<string, string?> environment, TimeProvider time, LogContext? logContext = null)
    {
        _logContext = logContext ?? LogContext.Process;
        _initializer = initializer;
        _environment = environment;
        _time = time;
    }

    /// <summary>Handles one event: the event JSON in, the JSON summary out.</summary>
    /// <exception cref="InvocationFailedException">The invocation failed (or initialization did); the message says why.</exception>
    public async Task<Stream> HandleAsync(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var started = _time.GetUtcNow();

        // Why: a Stream handler is told neither its request id nor its ARN; the managed runtime sets the trace header.
        using var invocation = _logContext.BeginInvocation(null, _environment(FunctionEnvironmentVariables.TraceId), null);
        var initialized = await InitializeAsync();
        var eventJson = await ReadAllAsync(input);
        var context = new InvocationContext(
            AwsRequestId: null,
            Deadline: started + initialized.Budget,
            InvokedFunctionArn: null,
            TraceId: _environment(FunctionEnvironmentVariables.TraceId));

        using var deadline = InvocationDeadline.CreateTokenSource(context.Deadline, initialized.Margin, _time, CancellationToken.None);
        InvocationResult result;
        try
        {
            result = await initialized.Handler.HandleAsync(eventJson, context, deadline.Token);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw new InvocationFailedException(
                RuntimeErrorTypes.DeadlineReached,
                $"The handler stopped at INVOCATION_TIMEOUT_SECONDS ({initialized.Budget.TotalSeconds:0} s) minus DEADLINE_MARGIN_MS "
                + $"({initialized.Margin.TotalMilliseconds:0} ms): {e.Message} Raise both with the function timeout.");
        }

        if (!result.IsSuccess)
        {
            throw new InvocationFailedException(result.ErrorType!, result.ErrorMessage!);
        }

        return new MemoryStream(result.ResponseJson.ToArray(), writable: false);
    }

    /// <summary>Initializes once; a failed attempt is retried by the next invocation.</summary>
    private Task<Initialized> InitializeAsync()
    {
        lock (_gate)
        {
            if (_initialization is null || _initialization.IsFaulted || _initialization.IsCanceled)
            {
                _initialization = InitializeOnceAsync();
            }

            return _initialization;
        }
    }

    private async Task<Initialized> InitializeOnceAsync()
    {
        var errors = new List<string>();
        var budget = FunctionSettings.ReadInvocationTimeout(_environment, errors);
        if (errors.Count > 0)
        {
            throw new InvocationFailedException(RuntimeErrorTypes.InvalidConfiguration, string.Join(" ", errors));
        }

        try
        {
            var handler = await _initializer.InitializeAsync(_environment, CancellationToken.None);
            return new Initialized(handler, budget, handler.DeadlineMargin);
        }
        catch (FunctionInitializationException e)
        {
            throw new InvocationFailedException(e.ErrorType, e.Message);
        }
    }

    private static async Task<byte[]> ReadAllAsync(Stream input)
    {
        if (input is MemoryStream memory && memory.TryGetBuffer(out var buffer) && memory.Position == 0)
        {
            return buffer.AsSpan().ToArray();
        }

        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }

    private sealed record Initialized(IInvocationHandler Handler, TimeSpan Budget, TimeSpan Margin);
}
