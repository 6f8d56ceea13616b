using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.TestKit.Lambda;

/// <summary>
/// The Lambda Runtime API on a loopback port, for tests and benchmarks of a custom runtime: queue events with
/// deadline and trace headers, let the runtime long-poll <c>/next</c>, and await what it posts back.
/// Point the runtime at it with <c>AWS_LAMBDA_RUNTIME_API=<see cref="RuntimeApi"/></c>.
/// </summary>
public sealed class LambdaRuntimeApiEmulator : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";

    private readonly Channel<QueuedInvocation> _queue = Channel.CreateUnbounded<QueuedInvocation>();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private readonly List<RuntimeApiPost> _posts = [];
    private readonly List<(Func<RuntimeApiPost, bool> Match, TaskCompletionSource<RuntimeApiPost> Done)> _waiters = [];
    private readonly TaskCompletionSource<long> _firstNext = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WebApplication? _app;
    private int _nextRequests;

    private LambdaRuntimeApiEmulator()
    {
    }

    /// <summary>"127.0.0.1:port", the value for <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string RuntimeApi { get; private set; } = string.Empty;

    /// <summary>The ARN sent in <c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    public string InvokedFunctionArn { get; set; } = "arn:aws:lambda:us-east-1:123456789012:function:lambda-registrator";

    /// <summary>The status the emulator answers <c>/response</c> posts with (202; 413 or 500 to test the runtime's reaction).</summary>
    public HttpStatusCode ResponseStatus { get; set; } = HttpStatusCode.Accepted;

    /// <summary>How many <c>GET /next</c> requests arrived so far (a runtime waiting for work has one outstanding).</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    /// <summary>Completes with the <see cref="Stopwatch.GetTimestamp"/> of the first <c>GET /next</c> (the runtime finished init).</summary>
    public Task<long> FirstNextRequest => _firstNext.Task;

    /// <summary>Everything posted so far, in arrival order.</summary>
    public IReadOnlyList<RuntimeApiPost> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>Starts the emulator on a free 127.0.0.1 port.</summary>
    public static async Task<LambdaRuntimeApiEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var emulator = new LambdaRuntimeApiEmulator();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(emulator.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        emulator._app = app;
        emulator.RuntimeApi = $"127.0.0.1:{address.Port.ToString(CultureInfo.InvariantCulture)}";
        return emulator;
    }

    /// <summary>Queues an event for the next <c>GET /next</c>; returns its request id.</summary>
    /// <param name="eventJson">The event body.</param>
    /// <param name="deadline">Sent as <c>Lambda-Runtime-Deadline-Ms</c>; default five minutes from now.</param>
    /// <param name="traceId">Sent as <c>Lambda-Runtime-Trace-Id</c> when not null.</param>
    /// <param name="awsRequestId">The request id; a new GUID by default.</param>
    public string Enqueue(string eventJson, DateTimeOffset? deadline = null, string? traceId = null, string? awsRequestId = null)
    {
        var id = awsRequestId ?? Guid.NewGuid().ToString();
        _queue.Writer.TryWrite(new QueuedInvocation(id, eventJson, deadline ?? DateTimeOffset.UtcNow.AddMinutes(5), traceId));
        return id;
    }

    /// <summary>Waits for the first post matching <paramref name="match"/> (already received or still to come).</summary>
    public async Task<RuntimeApiPost> WaitForPostAsync(Func<RuntimeApiPost, bool> match, CancellationToken cancellationToken)
    {
        TaskCompletionSource<RuntimeApiPost> done;
        lock (_gate)
        {
            var existing = _posts.FirstOrDefault(match);
            if (existing is not null)
            {
                return existing;
            }

            done = new TaskCompletionSource<RuntimeApiPost>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, done));
        }

        return await done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Waits for the response or error posted for <paramref name="awsRequestId"/>.</summary>
    public Task<RuntimeApiPost> WaitForResultAsync(string awsRequestId, CancellationToken cancellationToken) =>
        WaitForPostAsync(p => p.AwsRequestId == awsRequestId && p.Kind is RuntimeApiPostKind.Response or RuntimeApiPostKind.Error, cancellationToken);

    /// <summary>Waits for the error posted for <paramref name="awsRequestId"/>.</summary>
    public Task<RuntimeApiPost> WaitForErrorAsync(string awsRequestId, CancellationToken cancellationToken) =>
        WaitForPostAsync(p => p.AwsRequestId == awsRequestId && p.Kind == RuntimeApiPostKind.Error, cancellationToken);

    /// <summary>Waits for a post to <c>/runtime/init/error</c>.</summary>
    public Task<RuntimeApiPost> WaitForInitErrorAsync(CancellationToken cancellationToken) =>
        WaitForPostAsync(p => p.Kind == RuntimeApiPostKind.InitError, cancellationToken);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var method = context.Request.Method;
        if (method == HttpMethods.Get && path == Prefix + "invocation/next")
        {
            await ServeNextAsync(context);
            return;
        }

        if (method == HttpMethods.Post && path == Prefix + "init/error")
        {
            await RecordAsync(context, RuntimeApiPostKind.InitError, null, HttpStatusCode.Accepted);
            return;
        }

        var segments = path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal)
            ? path[(Prefix.Length + "invocation/".Length)..].Split('/')
            : [];
        if (method == HttpMethods.Post && segments.Length == 2 && segments[1] is "response" or "error")
        {
            var id = Uri.UnescapeDataString(segments[0]);
            if (segments[1] == "response")
            {
                await RecordAsync(context, RuntimeApiPostKind.Response, id, ResponseStatus);
            }
            else
            {
                await RecordAsync(context, RuntimeApiPostKind.Error, id, HttpStatusCode.Accepted);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private async Task ServeNextAsync(HttpContext context)
    {
        Interlocked.Increment(ref _nextRequests);
        _firstNext.TrySetResult(Stopwatch.GetTimestamp());
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        QueuedInvocation invocation;
        try
        {
            invocation = await _queue.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = invocation.AwsRequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = invocation.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = InvokedFunctionArn;
        if (invocation.TraceId is not null)
        {
            headers["Lambda-Runtime-Trace-Id"] = invocation.TraceId;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(invocation.EventJson, context.RequestAborted);
    }

    private async Task RecordAsync(HttpContext context, RuntimeApiPostKind kind, string? awsRequestId, HttpStatusCode status)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var post = new RuntimeApiPost(
            kind,
            awsRequestId,
            body.ToArray(),
            context.Request.ContentType,
            context.Request.Headers.TryGetValue("Lambda-Runtime-Function-Error-Type", out var errorType) ? errorType.ToString() : null,
            (int)status,
            Stopwatch.GetTimestamp());
        List<TaskCompletionSource<RuntimeApiPost>> matched = [];
        lock (_gate)
        {
            _posts.Add(post);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(post))
                {
                    matched.Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        context.Response.StatusCode = (int)status;
        await context.Response.WriteAsync(status == HttpStatusCode.Accepted ? "{\"status\":\"OK\"}" : "{\"errorMessage\":\"emulated failure\"}", context.RequestAborted);
        foreach (var done in matched)
        {
            done.TrySetResult(post);
        }
    }

    private sealed record QueuedInvocation(string AwsRequestId, string EventJson, DateTimeOffset Deadline, string? TraceId);
}
