namespace LambdaRegistrator.Function.Runtime;

/// <summary>Process exit codes of the <c>bootstrap</c> loop.</summary>
internal static class ExitCode
{
    /// <summary>Shutdown was requested (SIGTERM or the caller's token).</summary>
    public const int Shutdown = 0;

    /// <summary>Initialization failed and was reported to <c>/runtime/init/error</c>.</summary>
    public const int InitializationFailed = 1;

    /// <summary>AWS_LAMBDA_RUNTIME_API is missing or invalid, so nothing could be reported.</summary>
    public const int NoRuntimeApi = 2;

    /// <summary>The Runtime API failed or asked the runtime to exit (500, unreachable, protocol error).</summary>
    public const int RuntimeApiFailed = 3;
}
