namespace LambdaRegistrator.Function.Runtime;

/// <summary>Error types the host itself reports.</summary>
internal static class RuntimeErrorTypes
{
    /// <summary>A host setting (AWS_LAMBDA_FUNCTION_MEMORY_SIZE, INVOCATION_TIMEOUT_SECONDS, …) is invalid.</summary>
    public const string InvalidConfiguration = "Runtime.InvalidConfiguration";

    /// <summary>The handler gave up because the deadline minus the margin passed.</summary>
    public const string DeadlineReached = "Runtime.DeadlineReached";

    /// <summary>Lambda refused the response as too large (413).</summary>
    public const string ResponseTooLarge = "Function.ResponseSizeTooLarge";
}
