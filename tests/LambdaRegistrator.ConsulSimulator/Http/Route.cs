namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// A registered API path like Go's ServeMux patterns: exact, or a subtree when <see cref="Pattern"/> ends with '/'.
/// <see cref="Endpoint"/> names it in request statistics (e.g. <c>GET /v1/catalog/service/:service</c>).
/// </summary>
internal sealed record Route(string Pattern, IReadOnlyList<string> Methods, string Placeholder, Func<ApiRequest, Task<ApiResponse>> Handler)
{
    public bool IsSubtree => Pattern.EndsWith('/');

    public string Allow => "OPTIONS," + string.Join(',', Methods);

    public string Endpoint(string method) => $"{method} {Pattern}{Placeholder}";
}
