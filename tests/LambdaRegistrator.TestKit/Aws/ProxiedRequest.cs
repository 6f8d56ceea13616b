namespace LambdaRegistrator.TestKit.Aws;

/// <summary>A request the fault proxy received, and the fault it injected, if any.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The raw path and query as sent.</param>
/// <param name="Target">The X-Amz-Target header, if any.</param>
/// <param name="Authorization">The Authorization header (fake credentials only in tests).</param>
/// <param name="AmzDate">The X-Amz-Date header.</param>
/// <param name="Fault">The injected fault, or null when the request was forwarded untouched.</param>
public sealed record ProxiedRequest(string Method, string PathAndQuery, string? Target, string? Authorization, string? AmzDate, AwsFaultKind? Fault);
