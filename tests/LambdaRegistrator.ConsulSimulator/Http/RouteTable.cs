namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>Matches a path to a route the way Go's ServeMux does: exact patterns, else the longest subtree prefix.</summary>
internal sealed class RouteTable
{
    private readonly List<Route> _routes = [];

    public void Add(string pattern, string[] methods, Func<ApiRequest, Task<ApiResponse>> handler, string placeholder = "") =>
        _routes.Add(new Route(pattern, methods, placeholder, handler));

    /// <summary>The route for <paramref name="path"/>, or a subtree pattern to redirect to (path without trailing slash).</summary>
    public (Route? Route, string? RedirectTo) Match(string path)
    {
        var exact = _routes.FirstOrDefault(r => !r.IsSubtree && string.Equals(r.Pattern, path, StringComparison.Ordinal));
        if (exact is not null)
        {
            return (exact, null);
        }

        var subtree = _routes.Where(r => r.IsSubtree && path.StartsWith(r.Pattern, StringComparison.Ordinal))
            .MaxBy(r => r.Pattern.Length);
        if (subtree is not null)
        {
            return (subtree, null);
        }

        var redirect = _routes.FirstOrDefault(r => r.IsSubtree && string.Equals(r.Pattern, path + "/", StringComparison.Ordinal));
        return (null, redirect?.Pattern);
    }
}
