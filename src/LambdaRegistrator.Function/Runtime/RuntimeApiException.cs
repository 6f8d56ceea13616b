namespace LambdaRegistrator.Function.Runtime;

/// <summary>The Runtime API answered in a way the loop cannot continue from (unreachable, 5xx, missing headers).</summary>
internal sealed class RuntimeApiException(string message, Exception? innerException = null) : Exception(message, innerException);
