namespace LambdaRegistrator.TestKit.Lambda;

/// <summary>Which Runtime API endpoint a runtime posted to.</summary>
public enum RuntimeApiPostKind
{
    /// <summary><c>POST /runtime/invocation/{id}/response</c>.</summary>
    Response,

    /// <summary><c>POST /runtime/invocation/{id}/error</c>.</summary>
    Error,

    /// <summary><c>POST /runtime/init/error</c>.</summary>
    InitError,
}
