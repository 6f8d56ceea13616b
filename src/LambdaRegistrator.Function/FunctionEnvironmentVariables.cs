namespace LambdaRegistrator.Function;

/// <summary>The environment variables the function host reads or writes, in one place.</summary>
internal static class FunctionEnvironmentVariables
{
    /// <summary>"host:port" of the Lambda Runtime API, set by Lambda for custom runtimes.</summary>
    public const string RuntimeApi = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>The function's memory size in MB, set by Lambda.</summary>
    public const string MemorySize = "AWS_LAMBDA_FUNCTION_MEMORY_SIZE";

    /// <summary>
    /// The invocation budget in seconds under the managed runtime (default 30), which does not tell a Stream
    /// handler its deadline. Why: Lambda sets no variable with the function timeout; set this to the function's
    /// configured timeout (the Terraform module does).
    /// </summary>
    public const string InvocationTimeoutSeconds = "INVOCATION_TIMEOUT_SECONDS";

    /// <summary>The function's name, set by Lambda.</summary>
    public const string FunctionName = "AWS_LAMBDA_FUNCTION_NAME";

    /// <summary>The X-Ray trace header the runtime sets per invocation for the AWS SDK to pick up.</summary>
    public const string TraceId = "_X_AMZN_TRACE_ID";
}
