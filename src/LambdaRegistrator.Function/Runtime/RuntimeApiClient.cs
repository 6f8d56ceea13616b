using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace LambdaRegistrator.Function.Runtime;

/// <summary>HTTP client of the Lambda Runtime API (<c>/2018-06-01/runtime/…</c>).</summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private const string ErrorContentType = "application/vnd.aws.lambda.error+json";
    private const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private readonly HttpClient _http;

    public RuntimeApiClient(Uri baseAddress)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };

        // Why: "Do not set a timeout on the GET request": /next long-polls and the process may be frozen
        // between invocations; the .NET default of 100 s would break the loop.
        _http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Waits for the next event (no timeout) and reads its context from the headers.</summary>
    public async Task<NextInvocation> GetNextAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "runtime/invocation/next"), cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException($"GET /runtime/invocation/next answered {(int)response.StatusCode}; the runtime exits so Lambda replaces the container.");
        }

        var headers = response.Headers;
        var requestId = Header(headers, "Lambda-Runtime-Aws-Request-Id")
            ?? throw new RuntimeApiException("GET /runtime/invocation/next answered without a Lambda-Runtime-Aws-Request-Id header; the runtime cannot report a result and exits.");
        var deadline = InvocationDeadline.Parse(Header(headers, "Lambda-Runtime-Deadline-Ms")) ?? DateTimeOffset.MaxValue;
        var context = new InvocationContext(
            requestId,
            deadline,
            Header(headers, "Lambda-Runtime-Invoked-Function-Arn"),
            Header(headers, "Lambda-Runtime-Trace-Id"));
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return new NextInvocation(body, context);
    }

    public Task<PostOutcome> PostResponseAsync(string awsRequestId, ReadOnlyMemory<byte> responseJson, CancellationToken cancellationToken)
    {
        var content = new ReadOnlyMemoryContent(responseJson);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return PostAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/response", content, null, cancellationToken);
    }

    public Task<PostOutcome> PostErrorAsync(string awsRequestId, ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(awsRequestId)}/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public Task<PostOutcome> PostInitErrorAsync(ErrorResponse error, CancellationToken cancellationToken) =>
        PostAsync("runtime/init/error", ErrorContent(error), error.ErrorType, cancellationToken);

    public void Dispose() => _http.Dispose();

    private static ByteArrayContent ErrorContent(ErrorResponse error)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, RuntimeJsonContext.Default.ErrorResponse));
        content.Headers.ContentType = new MediaTypeHeaderValue(ErrorContentType);
        return content;
    }

    private async Task<PostOutcome> PostAsync(string path, HttpContent content, string? errorType, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (errorType is not null)
        {
            request.Headers.TryAddWithoutValidation(ErrorTypeHeader, errorType);
        }

        using var response = await SendAsync(request, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.Accepted or HttpStatusCode.OK => PostOutcome.Accepted,
            HttpStatusCode.RequestEntityTooLarge => PostOutcome.PayloadTooLarge,
            >= HttpStatusCode.InternalServerError => PostOutcome.ContainerError,
            _ => PostOutcome.Rejected,
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            try
            {
                return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new RuntimeApiException(
                    $"{request.Method} {request.RequestUri} failed: {e.Message}. Is AWS_LAMBDA_RUNTIME_API ({_http.BaseAddress?.Authority}) the Runtime API?", e);
            }
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
