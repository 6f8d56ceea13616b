using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;

namespace LambdaRegistrator.TestKit.Aws;

/// <summary>
/// A loopback HTTP proxy in front of moto (or any AWS endpoint) that injects throttling, 5xx, connection resets and
/// delays into chosen requests and records every request, for retry tests of the AWS clients and the shell.
/// </summary>
public sealed class AwsFaultProxy : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Proxy-Connection", "Upgrade", "TE", "Trailer",
    };

    private readonly Uri _upstream;
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
    private readonly List<Pending> _faults = [];
    private readonly List<ProxiedRequest> _requests = [];
    private readonly Lock _lock = new();
    private LoopbackHttpServer? _server;

    private AwsFaultProxy(Uri upstream) => _upstream = upstream;

    /// <summary>The proxy's base URL; point <c>AWS_ENDPOINT_URL</c> here.</summary>
    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("The proxy is not started.");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Starts a proxy forwarding to <paramref name="upstream"/>.</summary>
    public static async Task<AwsFaultProxy> StartAsync(Uri upstream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        var proxy = new AwsFaultProxy(upstream);
        proxy._server = await LoopbackHttpServer.StartAsync(proxy.HandleAsync, cancellationToken).ConfigureAwait(false);
        return proxy;
    }

    /// <summary>Queues a fault for the next <see cref="AwsFault.Count"/> matching requests; faults apply in the order injected.</summary>
    public void Inject(AwsFault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        lock (_lock)
        {
            _faults.Add(new Pending(fault, fault.Count));
        }
    }

    /// <summary>
    /// Completes when the proxy first applies <paramref name="fault"/> (an instance passed to <see cref="Inject"/>) to a
    /// request: tests that drive an injected clock advance it only once the call they stop is in flight.
    /// </summary>
    public Task WhenAppliedAsync(AwsFault fault)
    {
        lock (_lock)
        {
            return _faults.First(pending => ReferenceEquals(pending.Fault, fault)).Applied.Task;
        }
    }

    /// <summary>Drops pending faults and the request log.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _faults.Clear();
            _requests.Clear();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }

        _http.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var pathAndQuery = $"{request.PathBase}{request.Path}{request.QueryString}";
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()?.RawTarget ?? pathAndQuery;
        var target = request.Headers["X-Amz-Target"].ToString();
        request.EnableBuffering();
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        request.Body.Position = 0;
        var fault = Take(request.Path.Value ?? "/", target, body);
        lock (_lock)
        {
            _requests.Add(new ProxiedRequest(
                request.Method,
                rawTarget,
                target.Length == 0 ? null : target,
                request.Headers.Authorization.ToString(),
                request.Headers["X-Amz-Date"].ToString(),
                fault?.Kind));
        }

        // A Retry-After given with any throttling fault is sent (Lambda documents it; the others may, and tests use it
        // to make waits longer than a deadline regardless of back-off jitter).
        if (fault?.RetryAfter is { } retryAfter && fault.Kind is AwsFaultKind.LambdaTooManyRequests or AwsFaultKind.SsmThrottling or AwsFaultKind.TaggingThrottled)
        {
            context.Response.Headers.RetryAfter = ((long)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        switch (fault?.Kind)
        {
            case AwsFaultKind.LambdaTooManyRequests:
                context.Response.StatusCode = 429;
                context.Response.Headers["x-amzn-ErrorType"] = "TooManyRequestsException";
                await WriteJsonAsync(context, "application/json", """{"Type":"User","message":"Rate exceeded","Reason":"CallerRateLimitExceeded"}""");
                return;
            case AwsFaultKind.SsmThrottling:
                context.Response.StatusCode = 400;
                await WriteJsonAsync(context, "application/x-amz-json-1.1", """{"__type":"ThrottlingException","message":"Rate exceeded"}""");
                return;
            case AwsFaultKind.TaggingThrottled:
                context.Response.StatusCode = 400;
                await WriteJsonAsync(
                    context, "application/x-amz-json-1.1", """{"__type":"com.amazonaws.resourcegroupstaggingapi#ThrottledException","Message":"Rate exceeded"}""");
                return;
            case AwsFaultKind.StsAccessDenied:
                context.Response.StatusCode = 403;
                await WriteJsonAsync(
                    context,
                    "text/xml",
                    """<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: sts:AssumeRole</Message></Error><RequestId>injected</RequestId></ErrorResponse>""");
                return;
            case AwsFaultKind.InternalError:
                context.Response.StatusCode = 500;
                context.Response.Headers["x-amzn-ErrorType"] = "ServiceException";
                await WriteJsonAsync(context, "application/json", """{"Type":"Service","Message":"Injected internal error"}""");
                return;
            case AwsFaultKind.ConnectionReset:
                // Why: linger 0 makes the close an RST, like a dropped connection, rather than a polite FIN.
                if (context.Features.Get<IConnectionSocketFeature>()?.Socket is Socket socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                context.Abort();
                return;
            case AwsFaultKind.Delay:
                try
                {
                    await Task.Delay(fault.Delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                break;
            default:
                break;
        }

        await ForwardAsync(context, rawTarget);
    }

    private AwsFault? Take(string path, string target, string body)
    {
        lock (_lock)
        {
            foreach (var pending in _faults)
            {
                var fault = pending.Fault;
                if (pending.Remaining > 0
                    && (fault.PathPrefix is null || path.StartsWith(fault.PathPrefix, StringComparison.Ordinal))
                    && (fault.Target is null || string.Equals(fault.Target, target, StringComparison.Ordinal))
                    && (fault.BodyContains is null || body.Contains(fault.BodyContains, StringComparison.Ordinal)))
                {
                    pending.Remaining--;
                    pending.Applied.TrySetResult();
                    return fault;
                }
            }

            return null;
        }
    }

    private static async Task WriteJsonAsync(HttpContext context, string contentType, string json)
    {
        context.Response.ContentType = contentType;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(json), context.RequestAborted);
    }

    private async Task ForwardAsync(HttpContext context, string rawTarget)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        using var outbound = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_upstream.AbsoluteUri.TrimEnd('/') + rawTarget));
        if (body.Length > 0 || request.ContentLength is not null)
        {
            outbound.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (HopByHop.Contains(name))
            {
                continue;
            }

            if (!outbound.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                outbound.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        using var response = await _http.SendAsync(outbound, HttpCompletionOption.ResponseContentRead, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!HopByHop.Contains(name))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    private sealed class Pending(AwsFault fault, int remaining)
    {
        public AwsFault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;

        public TaskCompletionSource Applied { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
