using LambdaRegistrator.Logging;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>The custom-runtime loop: initialize once, then GET next → handle → POST response or error, until told to stop.</summary>
/// <remarks>Each invocation, from handling to posting its result, is begun on <paramref name="logContext"/>, so every
/// log line written meanwhile carries its request id, trace id and cold start.</remarks>
internal sealed class RuntimeLoop(RuntimeOptions options, RuntimeLog log, TimeProvider time, LogContext logContext)
{
    public async Task<int> RunAsync(IFunctionInitializer initializer, CancellationToken cancellationToken)
    {
        if (options.MemorySizeMb is { } memorySizeMb)
        {
            MemoryLimit.Apply(memorySizeMb);
        }

        using var client = new RuntimeApiClient(options.RuntimeApi);
        try
        {
            var handler = await InitializeAsync(client, initializer, cancellationToken);
            if (handler is null)
            {
                return ExitCode.InitializationFailed;
            }

            using var owned = handler as IDisposable;
            while (true)
            {
                var next = await client.GetNextAsync(cancellationToken);

                // Why: the Runtime API contract asks custom runtimes to expose the trace header to the SDKs this way;
                // null clears the previous invocation's value. The log lines take it from the invocation instead.
                Environment.SetEnvironmentVariable(FunctionEnvironmentVariables.TraceId, next.Context.TraceId);
                if (!await ServeAsync(client, handler, next, cancellationToken))
                {
                    return ExitCode.RuntimeApiFailed;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCode.Shutdown;
        }
        catch (RuntimeApiException e)
        {
            log.Error(e.Message);
            return ExitCode.RuntimeApiFailed;
        }
    }

    private async Task<IInvocationHandler?> InitializeAsync(RuntimeApiClient client, IFunctionInitializer initializer, CancellationToken cancellationToken)
    {
        ErrorResponse error;
        try
        {
            return await initializer.InitializeAsync(options.Environment, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any init failure is fatal and must reach /init/error, whatever its type.
        catch (Exception e)
#pragma warning restore CA1031
        {
            error = ErrorResponse.Of(e);
        }

        log.Error($"Initialization failed ({error.ErrorType}): {error.ErrorMessage}");
        var outcome = await client.PostInitErrorAsync(error, cancellationToken);
        if (outcome != PostOutcome.Accepted)
        {
            log.Error($"POST /runtime/init/error was answered with {outcome}.");
        }

        return null;
    }

    /// <summary>Handles one invocation and posts its result; false when the Runtime API asked the runtime to exit.</summary>
    private async Task<bool> ServeAsync(RuntimeApiClient client, IInvocationHandler handler, NextInvocation next, CancellationToken cancellationToken)
    {
        using var invocation = logContext.BeginInvocation(next.AwsRequestId, next.Context.TraceId, next.Context.InvokedFunctionArn);
        var (response, error) = await InvokeAsync(handler, next, cancellationToken);
        return await ReportAsync(client, next, response, error, cancellationToken);
    }

    private async Task<(ReadOnlyMemory<byte> Response, ErrorResponse? Error)> InvokeAsync(
        IInvocationHandler handler, NextInvocation next, CancellationToken cancellationToken)
    {
        using var deadline = InvocationDeadline.CreateTokenSource(next.Context.Deadline, handler.DeadlineMargin, time, cancellationToken);
        try
        {
            var result = await handler.HandleAsync(next.EventJson, next.Context, deadline.Token);
            return result.IsSuccess
                ? (result.ResponseJson, null)
                : (ReadOnlyMemory<byte>.Empty, ErrorResponse.Of(result.ErrorType!, result.ErrorMessage!));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return (ReadOnlyMemory<byte>.Empty, ErrorResponse.Of(
                RuntimeErrorTypes.DeadlineReached,
                $"The handler stopped at the invocation deadline minus DEADLINE_MARGIN_MS ({handler.DeadlineMargin.TotalMilliseconds:0} ms) "
                + "without reporting what it finished. Raise the function timeout or lower the work per invocation."));
        }
#pragma warning disable CA1031 // A handler bug must become an /error post, never end the loop.
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            log.Error($"The handler threw {e.GetType().Name}: {e.Message}");
            return (ReadOnlyMemory<byte>.Empty, ErrorResponse.Of(e));
        }
    }

    /// <summary>Posts the result; false when the Runtime API asked the runtime to exit.</summary>
    private async Task<bool> ReportAsync(
        RuntimeApiClient client, NextInvocation next, ReadOnlyMemory<byte> response, ErrorResponse? error, CancellationToken cancellationToken)
    {
        var outcome = error is null
            ? await client.PostResponseAsync(next.AwsRequestId, response, cancellationToken)
            : await client.PostErrorAsync(next.AwsRequestId, error, cancellationToken);
        if (outcome == PostOutcome.PayloadTooLarge && error is null)
        {
            error = ErrorResponse.Of(
                RuntimeErrorTypes.ResponseTooLarge,
                $"Lambda refused the {response.Length}-byte response as too large (413). The handler's summary must stay small; details belong in the logs.");
            log.Error(error.ErrorMessage);
            outcome = await client.PostErrorAsync(next.AwsRequestId, error, cancellationToken);
        }

        switch (outcome)
        {
            case PostOutcome.ContainerError:
                log.Error("The Runtime API answered 500 (container error, non-recoverable); the runtime exits.");
                return false;
            case PostOutcome.Accepted:
                return true;
            default:
                log.Warning($"The Runtime API did not accept the {(error is null ? "response" : "error")} ({outcome}); the result is lost.");
                return true;
        }
    }
}
