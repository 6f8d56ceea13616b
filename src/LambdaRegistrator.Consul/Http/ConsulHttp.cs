using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Sends one Consul API call: token header, JSON body, per-attempt timeout, typed errors, and retries of transient failures.</summary>
internal sealed class ConsulHttp
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly ConsulClientOptions _options;
    private readonly ConsulRetryPolicy _retry;
    private readonly ConsulTlsValidator? _tls;
    private readonly string _baseUrl;
    private readonly IConsulRequestObserver? _observer;

    public ConsulHttp(HttpClient http, ConsulClientOptions options, ConsulRetryPolicy retry, ConsulTlsValidator? tls, IConsulRequestObserver? observer = null)
    {
        _observer = observer;
        _http = http;
        _options = options;
        _retry = retry;
        _tls = tls;
        _baseUrl = options.Address.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
        if (retry.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry.MaxAttempts, "ConsulRetryPolicy.MaxAttempts must be at least 1.");
        }
    }

    /// <summary>The address shown in messages (no user info, no query).</summary>
    public string Address => _baseUrl;

    /// <summary>Sends the request until it succeeds (200, or a status <paramref name="accept"/> takes as an answer), fails for good, or attempts run out.</summary>
    /// <remarks>
    /// Why retry writes too: every write this client makes is idempotent. Catalog register with a fixed service ID replaces the
    /// record; deregister of a missing service is a no-op; a config PUT with <c>cas</c> returns false rather than applying twice
    /// (and without <c>cas</c> rewrites the same entry); a config DELETE of a missing entry is a no-op.
    /// </remarks>
    public async Task<ConsulResponse> SendAsync(
        HttpMethod method,
        string path,
        ConsulQuery query,
        byte[]? body,
        Func<HttpStatusCode, string, bool>? accept,
        CancellationToken cancellationToken)
    {
        var target = path + query;
        var request = $"{method} {target}";
        for (var attempt = 1; ; attempt++)
        {
            ConsulException failure;
            TimeSpan? retryAfter = null;
            _observer?.RequestSent($"{method} {path}", attempt);
            try
            {
                var response = await SendOnceAsync(method, target, request, body, cancellationToken).ConfigureAwait(false);
                if (response.Status == HttpStatusCode.OK)
                {
                    return response;
                }

                var text = Redact(Encoding.UTF8.GetString(response.Body));
                if (accept is not null && accept(response.Status, text))
                {
                    return response;
                }

                failure = ConsulErrorClassifier.Classify(request, response.Status, text, Address);
                retryAfter = response.RetryAfter;
            }
            catch (ConsulException e)
            {
                failure = e;
            }

            if (!failure.IsTransient || attempt >= _retry.MaxAttempts)
            {
                throw failure;
            }

            var delay = _retry.DelayBeforeRetry(attempt, retryAfter);
            _observer?.Retrying($"{method} {path}", attempt, delay, RetryReason(failure, retryAfter));
            await Task.Delay(delay, _retry.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>What failed, for the retry log line: the status (and a proxy's Retry-After) or the kind of failure; never a body.</summary>
    private static string RetryReason(ConsulException failure, TimeSpan? retryAfter) =>
        (failure.StatusCode is { } status ? $"HTTP {(int)status}" : failure.GetType().Name.Replace("Exception", string.Empty, StringComparison.Ordinal))
        + (retryAfter is { } wait ? string.Create(CultureInfo.InvariantCulture, $", Retry-After {wait.TotalSeconds:0.###} s") : string.Empty);

    private TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _retry.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private async Task<ConsulResponse> SendOnceAsync(HttpMethod method, string target, string request, byte[]? body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var message = new HttpRequestMessage(method, _baseUrl + target);
        if (!string.IsNullOrEmpty(_options.Token))
        {
            message.Headers.TryAddWithoutValidation("X-Consul-Token", _options.Token);
        }

        if (_options.HttpAuth is { } auth)
        {
            message.Headers.TryAddWithoutValidation("Authorization", auth.HeaderValue);
        }

        if (body is not null)
        {
            message.Content = new ByteArrayContent(body);
            message.Content.Headers.ContentType = JsonContentType;
        }

        try
        {
            using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            var bytes = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            return new ConsulResponse(response.StatusCode, bytes, ParseMeta(response.Headers), ParseRetryAfter(response.Headers.RetryAfter));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ConsulTimeoutException(
                string.Create(CultureInfo.InvariantCulture, $"Consul at {Address} did not answer {request} within {_options.Timeout.TotalSeconds:0.###} s. Check that Consul is reachable and healthy, or raise the client timeout."),
                request, statusCode: null, responseBody: null, isTransient: true, e);
        }
        catch (HttpRequestException e)
        {
            throw NetworkFailure(e, request);
        }
    }

    private ConsulException NetworkFailure(HttpRequestException e, string request)
    {
        var detail = Innermost(e).Message;
        switch (e.HttpRequestError)
        {
            case HttpRequestError.NameResolutionError:
                return new ConsulUnavailableException(
                    $"Cannot resolve the host of Consul's address {Address} ({request}: {detail}). Check the host name in CONSUL_HTTP_ADDR and DNS (a Lambda in a VPC must resolve it).",
                    request, statusCode: null, responseBody: null, isTransient: true, e);
            case HttpRequestError.SecureConnectionError:
                if (_tls?.LastRefusal is { } refusal)
                {
                    return new ConsulTlsException($"TLS connection to Consul at {Address} refused ({request}): {refusal.Reason}.", request, refusal.Kind, e);
                }

                return new ConsulTlsException(
                    $"TLS handshake with Consul at {Address} failed ({request}: {detail}). If Consul serves plain HTTP, use http:// in CONSUL_HTTP_ADDR; if it requires client certificates (verify_incoming), set CONSUL_CLIENT_CERT and CONSUL_CLIENT_KEY.",
                    request, TlsFailureKind.Handshake, e);
            case HttpRequestError.ConnectionError when Innermost(e) is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData }:
                goto case HttpRequestError.NameResolutionError;
            case HttpRequestError.ConnectionError:
                return new ConsulUnavailableException(
                    $"Cannot connect to Consul at {Address} ({request}: {detail}). Check CONSUL_HTTP_ADDR, that Consul listens there, and the network path (subnets, security groups).",
                    request, statusCode: null, responseBody: null, isTransient: true, e);
            default:
                return new ConsulUnavailableException(
                    $"Consul at {Address} ended {request} without a complete answer ({e.HttpRequestError}: {detail}). Check Consul's logs and anything between here and Consul (proxies, load balancers).",
                    request, statusCode: null, responseBody: null, isTransient: true, e);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null)
        {
            e = e.InnerException;
        }

        return e;
    }

    /// <summary>Why: Consul never echoes the token, but a proxy might; neither the token nor basic auth may reach a message.</summary>
    private string Redact(string text)
    {
        if (!string.IsNullOrEmpty(_options.Token))
        {
            text = text.Replace(_options.Token, "<redacted>", StringComparison.Ordinal);
        }

        if (_options.HttpAuth is { } auth)
        {
            text = text.Replace(auth.HeaderValue[6..], "<redacted>", StringComparison.Ordinal);
            if (auth.Password.Length > 0)
            {
                text = text.Replace(auth.Password, "<redacted>", StringComparison.Ordinal);
            }
        }

        return text;
    }

    internal static QueryMeta ParseMeta(HttpResponseHeaders headers)
    {
        string? Header(string name) => headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

        var index = ulong.TryParse(Header("X-Consul-Index"), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0;
        var lastContact = ulong.TryParse(Header("X-Consul-LastContact"), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? TimeSpan.FromMilliseconds(ms)
            : TimeSpan.Zero;
        return new QueryMeta(
            index,
            string.Equals(Header("X-Consul-KnownLeader"), "true", StringComparison.OrdinalIgnoreCase),
            lastContact,
            Header("X-Consul-Default-ACL-Policy"),
            string.Equals(Header("X-Consul-Results-Filtered-By-ACLs"), "true", StringComparison.OrdinalIgnoreCase));
    }
}
