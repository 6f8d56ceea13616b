namespace LambdaRegistrator.Core.Tags;

/// <summary>How Envoy invokes the function.</summary>
public enum InvocationMode
{
    /// <summary>Request/response (default).</summary>
    Synchronous,

    /// <summary>Fire and forget (Lambda "Event" invocation).</summary>
    Asynchronous,
}
