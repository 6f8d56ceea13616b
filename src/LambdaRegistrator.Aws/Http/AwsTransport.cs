using System.Net;
using System.Net.Http.Headers;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace LambdaRegistrator.Aws.Http;

/// <summary>
/// Signs and sends AWS calls with retries: each attempt is rate-limited, freshly signed (the retry loop sits outside
/// the signer) and bounded by a per-attempt timeout; waits use the injected clock and stop at the caller's token.
/// </summary>
internal sealed class AwsTransport : IDisposable
{
    private readonly HttpClient _http;
    private readonly AwsCredentialSource _credentials;
    private readonly RegionEndpoint _region;
    private readonly AwsClientOptions _options;
    private readonly string _userAgent;

    public AwsTransport(AwsCredentialSource credentials, string region, AwsClientOptions options)
    {
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(region);
        _options = options;
        _userAgent = options.UserAgent;
        // Why: a followed redirect would go out unsigned or with a stale signature (SigV4SigningHandler xml-doc),
        // and the per-attempt timeout is ours, so HttpClient's own 100 s timeout is switched off.
        _http = new HttpClient(
            new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.None,
            })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public TimeProvider TimeProvider => _options.TimeProvider;

    public void Dispose()
    {
        _http.Dispose();
        _credentials.Dispose();
    }

    /// <summary>Sends the call, retrying throttling, 5xx, connection failures and timeouts.</summary>
    /// <exception cref="AwsServiceException">AWS answered with a non-retryable error, or retries ran out.</exception>
    /// <exception cref="OperationCanceledException">The caller's token was cancelled (e.g. the Lambda deadline).</exception>
    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        var retry = _options.Retry;
        var maxAttempts = Math.Max(1, retry.MaxAttempts);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (request.RateLimit is { } bucket)
            {
                await bucket.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            // Why outside the attempt timeout: finding or refreshing credentials may itself call STS, with its own retries.
            var credentials = request.Anonymous ? null : await CredentialsAsync(request, cancellationToken).ConfigureAwait(false);
            AwsServiceException failure;
            TimeSpan? retryAfter = null;
            using (var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attemptTimeout.CancelAfter(retry.AttemptTimeout);
                try
                {
                    using var message = await BuildSignedMessageAsync(request, credentials, attemptTimeout.Token).ConfigureAwait(false);
                    using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token)
                        .ConfigureAwait(false);
                    var body = await response.Content.ReadAsByteArrayAsync(attemptTimeout.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return new AwsResponse(response.StatusCode, body);
                    }

                    var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
                    var (code, serviceMessage) = AwsErrorParser.Parse(errorType, body, response.StatusCode);
                    failure = new AwsServiceException(
                        request.ServiceName,
                        request.Operation,
                        code,
                        response.StatusCode,
                        AwsErrorClassifier.Describe(request.ServiceName, request.Operation, code, response.StatusCode, serviceMessage, attempt),
                        attempt);
                    retryAfter = ParseRetryAfter(response.Headers.RetryAfter);
                }
                catch (OperationCanceledException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = NoResponse(request, AwsServiceException.RequestTimeoutCode, $"no response within {retry.AttemptTimeout.TotalSeconds:0.###} s", attempt, exception);
                }
                catch (HttpRequestException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = NoResponse(request, AwsServiceException.ConnectionFailureCode, exception.Message, attempt, exception);
                }
                catch (IOException exception) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = NoResponse(request, AwsServiceException.ConnectionFailureCode, exception.Message, attempt, exception);
                }
            }

            if (attempt >= maxAttempts || !AwsErrorClassifier.IsRetryable(failure.ErrorCode, failure.StatusCode))
            {
                throw failure;
            }

            var delay = RetryDelay.Compute(attempt, retryAfter, retry, _options.Random);
            // Why: the caller's token is the Lambda deadline; Task.Delay ends at it, so we never sleep past it.
            await Task.Delay(delay, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static AwsServiceException NoResponse(AwsRequest request, string code, string detail, int attempt, Exception inner) =>
        new(
            request.ServiceName,
            request.Operation,
            code,
            null,
            AwsErrorClassifier.Describe(request.ServiceName, request.Operation, code, null, $"{request.Uri.GetLeftPart(UriPartial.Authority)}: {detail}", attempt),
            attempt,
            inner);

    private TimeSpan? ParseRetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _options.TimeProvider.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private async Task<AWSCredentials> CredentialsAsync(AwsRequest request, CancellationToken cancellationToken)
    {
        var current = request.Credentials is { } given
            ? await AwsCredentialSource.ResolveAsync(given, "given for this call", cancellationToken).ConfigureAwait(false)
            : await _credentials.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        return current.UseToken
            ? new SessionAWSCredentials(current.AccessKey, current.SecretKey, current.Token)
            : new BasicAWSCredentials(current.AccessKey, current.SecretKey);
    }

    private async Task<HttpRequestMessage> BuildSignedMessageAsync(AwsRequest request, AWSCredentials? credentials, CancellationToken cancellationToken)
    {
        if (credentials is null)
        {
            return Unsigned(request);
        }

        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.Uri,
            Content = request.Body ?? [],
        };
        if (request.ContentType is not null)
        {
            signing.Headers["Content-Type"] = request.ContentType;
        }

        if (request.Target is not null)
        {
            signing.Headers["X-Amz-Target"] = request.Target;
        }

        var signed = await AWSSigV4Signer.SignAsync(
            signing,
            new AWSSigV4Parameters
            {
                Credentials = credentials,
                Region = _region,
                Service = request.SigningName,
                SignPayload = true,
            },
            cancellationToken).ConfigureAwait(false);

        var message = Unsigned(request);
        foreach (var (name, value) in signed.Headers)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private HttpRequestMessage Unsigned(AwsRequest request)
    {
        var message = new HttpRequestMessage(request.Method, request.Uri);
        if (request.Body is not null)
        {
            // Why: Content-Type is a signed header, so it must go out byte for byte; StringContent would append a charset.
            var content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
            }

            message.Content = content;
        }

        if (request.Target is not null)
        {
            message.Headers.TryAddWithoutValidation("X-Amz-Target", request.Target);
        }

        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        return message;
    }
}
