namespace LambdaRegistrator.Function.Runtime;

/// <summary>What the Runtime API said to a posted response or error.</summary>
internal enum PostOutcome
{
    /// <summary>202: recorded.</summary>
    Accepted,

    /// <summary>413: the response is larger than Lambda accepts; post an error instead.</summary>
    PayloadTooLarge,

    /// <summary>400 or 403: rejected; nothing to retry.</summary>
    Rejected,

    /// <summary>500: "Container error. Non-recoverable state. Runtime should exit promptly."</summary>
    ContainerError,
}
