using LambdaRegistrator.Function.Runtime;
using LambdaRegistrator.Logging;

namespace LambdaRegistrator.Function;

/// <summary>
/// The Lambda custom runtime (<c>provided.al2023</c>, <c>bootstrap</c>): initializes once per container, then serves
/// invocations from the Runtime API until the token is cancelled or the Runtime API fails.
/// </summary>
/// <remarks>
/// Returns the process exit code: 0 after a requested shutdown, 1 after an init failure reported to
/// <c>/runtime/init/error</c>, 2 when <c>AWS_LAMBDA_RUNTIME_API</c> is missing, 3 when the Runtime API failed or
/// answered 500.
/// </remarks>
public static class LambdaRuntime
{
    /// <summary>Runs the loop with parsed options.</summary>
    public static Task<int> RunAsync(IFunctionInitializer initializer, RuntimeOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        ArgumentNullException.ThrowIfNull(options);
        return new RuntimeLoop(options, RuntimeLog.Console, TimeProvider.System, LogContext.Process).RunAsync(initializer, cancellationToken);
    }

    /// <summary>
    /// Parses <see cref="RuntimeOptions"/> from <paramref name="environment"/> and runs the loop; invalid settings are
    /// reported to <c>/runtime/init/error</c> as <c>Runtime.InvalidConfiguration</c> when the Runtime API is known.
    /// </summary>
    public static async Task<int> RunAsync(IFunctionInitializer initializer, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(initializer);
        if (RuntimeOptions.TryParse(environment, out var options, out var errors))
        {
            return await RunAsync(initializer, options, cancellationToken);
        }

        var message = string.Join(" ", errors);
        RuntimeLog.Console.Error($"Initialization failed ({RuntimeErrorTypes.InvalidConfiguration}): {message}");
        var runtimeApi = FunctionSettings.ReadRuntimeApi(environment, []);
        if (runtimeApi is null)
        {
            return ExitCode.NoRuntimeApi;
        }

        using var client = new RuntimeApiClient(runtimeApi);
        try
        {
            await client.PostInitErrorAsync(ErrorResponse.Of(RuntimeErrorTypes.InvalidConfiguration, message), cancellationToken);
        }
        catch (RuntimeApiException e)
        {
            RuntimeLog.Console.Error(e.Message);
        }

        return ExitCode.InitializationFailed;
    }
}
