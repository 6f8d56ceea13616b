using LambdaRegistrator.ConsulSimulator.Diagnostics;
using LambdaRegistrator.ConsulSimulator.Faults;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Features;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>
/// The request path of the simulator, mirroring Consul's HTTP server: printable-path check, latency and fault
/// injection, ServeMux-style routing, <c>wrap</c>'s method check, default-ACL-policy header and error mapping
/// (<c>agent/http.go</c>, <c>agent/http_register.go</c>).
/// Requests under <c>/_sim/</c> go to the control endpoints and are neither delayed, faulted nor counted.
/// </summary>
internal sealed class ConsulHttpPipeline
{
    private readonly RouteTable _routes;
    private readonly RouteTable _control;
    private readonly SimulatorSettings _settings;
    private readonly FaultInjector _faults;
    private readonly RequestStats _stats;
    private readonly TimeSpan _latency;
    private readonly string _defaultAclPolicy;
    private readonly string? _requiredAuthorization;
    private readonly CancellationToken _stopping;

    /// <summary>The key under which a listener tags its connections with the datacenter of the agent it plays.</summary>
    public const string AgentDatacenterItem = "consul-simulator-agent-dc";

    public ConsulHttpPipeline(
        RouteTable routes, RouteTable control, SimulatorSettings settings, FaultInjector faults, RequestStats stats, TimeSpan latency, CancellationToken stopping,
        string? requiredBasicAuth = null)
    {
        _requiredAuthorization = requiredBasicAuth is null
            ? null
            : "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(requiredBasicAuth));
        _stopping = stopping;
        _routes = routes;
        _control = control;
        _settings = settings;
        _faults = faults;
        _stats = stats;
        _latency = latency;
        _defaultAclPolicy = settings.AclsEnabled ? "deny" : "allow";
    }

    public async Task HandleAsync(HttpContext context)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var queryStart = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var rawPath = queryStart < 0 ? rawTarget : rawTarget[..queryStart];
        string path;
        try
        {
            path = Uri.UnescapeDataString(rawPath);
        }
        catch (UriFormatException)
        {
            path = rawPath;
        }

        // Why: cleanhttp.PrintablePathCheckHandler answers 400 with an empty body for non-printable runes.
        if (path.Any(c => char.IsControl(c) || (char.IsWhiteSpace(c) && c != ' ')))
        {
            context.Response.StatusCode = 400;
            return;
        }

        if (path.StartsWith("/_sim/", StringComparison.Ordinal))
        {
            await ServeAsync(context, path, _control, record: false);
            return;
        }

        if (_requiredAuthorization is not null
            && !string.Equals(context.Request.Headers.Authorization.ToString(), _requiredAuthorization, StringComparison.Ordinal))
        {
            // Why: plays an authenticating proxy in front of Consul (Consul itself ignores basic auth): 401 before anything else.
            context.Response.StatusCode = 401;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"consul\"";
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("401 Unauthorized\n", context.RequestAborted);
            return;
        }

        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, context.RequestAborted);
        }

        await ServeAsync(context, path, _routes, record: true);
    }

    private static string RedactToken(string pathAndQuery)
    {
        var index = pathAndQuery.IndexOf("token=", StringComparison.Ordinal);
        if (index < 0 || (index > 0 && pathAndQuery[index - 1] is not ('?' or '&')))
        {
            return pathAndQuery;
        }

        var end = pathAndQuery.IndexOf('&', index);
        return pathAndQuery[..(index + 6)] + "<redacted>" + (end < 0 ? "" : pathAndQuery[end..]);
    }

    private async Task ServeAsync(HttpContext context, string path, RouteTable routes, bool record)
    {
        var method = context.Request.Method;
        var (route, redirect) = routes.Match(path);
        var endpoint = route?.Endpoint(method) ?? $"{method} {path}";
        var fault = record ? _faults.Take(method, path) : null;
        var status = 0;
        try
        {
            if (fault is not null)
            {
                if (fault.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }

                if (fault.BeforeServe is { } before)
                {
                    await before();
                }

                if (fault.DropConnection)
                {
                    context.Abort();
                    return;
                }

                if (fault.StatusCode is { } faultStatus)
                {
                    status = faultStatus;
                    var faulted = ApiResponse.Text(faultStatus, fault.Body ?? "");
                    foreach (var (name, value) in fault.Headers ?? new Dictionary<string, string>())
                    {
                        faulted.Headers[name] = value;
                    }

                    await WriteAsync(context, faulted);
                    return;
                }
            }

            var response = await RespondAsync(context, path, route, redirect);
            status = response.StatusCode;
            await WriteAsync(context, response);
        }
        catch (ConnectionResetException)
        {
            status = 0;
            context.Abort();
        }
        catch (OperationCanceledException)
        {
            // The client went away or the simulator is stopping (a blocking query was waiting): no response.
            status = 0;
            context.Abort();
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            // A simulator bug: say so loudly instead of an empty 500, so the failing test points at the simulator.
            status = 500;
            await WriteAsync(context, ApiResponse.Text(500, $"consul simulator internal error ({e.GetType().Name}): {e.Message}"));
        }
        finally
        {
            if (record)
            {
                var pathAndQuery = RedactToken(path + context.Request.QueryString.Value);
                _stats.Record(new RecordedRequest(method, pathAndQuery, endpoint, status, fault is not null));
            }
        }
    }

    private async Task<ApiResponse> RespondAsync(HttpContext context, string path, Route? route, string? redirect)
    {
        if (route is null)
        {
            if (redirect is not null)
            {
                var moved = ApiResponse.Empty(301);
                moved.Headers["Location"] = redirect + context.Request.QueryString.Value;
                return moved;
            }

            return path.Contains("/v1/", StringComparison.Ordinal)
                ? ApiResponse.Text(404, "Invalid URL path: not a recognized HTTP API endpoint\n")
                : ApiResponse.Text(404, "404 page not found\n");
        }

        ApiResponse response;
        if (context.Request.Method == "OPTIONS")
        {
            response = ApiResponse.Empty(200);
            response.Headers["Allow"] = route.Allow;
        }
        else if (!route.Methods.Contains(context.Request.Method, StringComparer.Ordinal))
        {
            response = ApiResponse.Text(405, $"method {context.Request.Method} not allowed");
            response.Headers["Allow"] = route.Allow;
        }
        else
        {
            var remainder = route.IsSubtree ? path[route.Pattern.Length..] : "";
            try
            {
                using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
                response = await route.Handler(new ApiRequest(context, path, remainder, _settings, AgentDatacenter(context), aborted.Token));
            }
            catch (ConsulApiException e)
            {
                response = ApiResponse.Text(e.StatusCode, e.Message);
                if (e.CarriesQueryMeta)
                {
                    // Why: the deferred setMeta runs on the zero QueryMeta (an RPC error leaves the reply unset), so the
                    // index is setIndex's floor of 1, the leader is not known and last contact is 0.
                    response.WithQueryMeta(0, knownLeader: false);
                }
            }
        }

        response.Headers["X-Consul-Default-ACL-Policy"] = _defaultAclPolicy;
        return response;
    }

    private string AgentDatacenter(HttpContext context) =>
        context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(AgentDatacenterItem, out var dc) == true && dc is string name
            ? name
            : _settings.Datacenter;

    private static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
