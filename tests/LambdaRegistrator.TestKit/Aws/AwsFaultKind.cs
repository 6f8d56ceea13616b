namespace LambdaRegistrator.TestKit.Aws;

/// <summary>What the fault proxy does instead of (or before) forwarding a request.</summary>
public enum AwsFaultKind
{
    /// <summary>Lambda's 429 <c>TooManyRequestsException</c> (x-amzn-ErrorType header, optional Retry-After).</summary>
    LambdaTooManyRequests,

    /// <summary>SSM's 400 <c>ThrottlingException</c> "Rate exceeded" (code only in the body's __type).</summary>
    SsmThrottling,

    /// <summary>Tagging's 400 <c>ThrottledException</c> with a namespaced __type (<c>com.amazonaws…#ThrottledException</c>).</summary>
    TaggingThrottled,

    /// <summary>STS's 403 <c>AccessDenied</c> (Query protocol XML), as for an sts:AssumeRole the role's trust policy refuses.</summary>
    StsAccessDenied,

    /// <summary>A 500 <c>ServiceException</c>.</summary>
    InternalError,

    /// <summary>The connection is reset (RST) without a response.</summary>
    ConnectionReset,

    /// <summary>The request is held for <see cref="AwsFault.Delay"/>, then forwarded.</summary>
    Delay,
}
