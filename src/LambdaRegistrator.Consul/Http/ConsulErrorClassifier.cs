using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Turns a non-success Consul answer (status + plain-text body) into a typed exception whose message says what to do.</summary>
/// <remarks>Why: Consul returns most validation errors as 500 and may wrap texts (<c>rpc error making call: …</c>, multierror), so bodies are matched with Contains, never equality.</remarks>
internal static partial class ConsulErrorClassifier
{
    private const int MaxShownBody = 600;

    /// <summary>Texts of deterministic validation failures Consul answers with 500 (or 400).</summary>
    private static readonly string[] ValidationTexts =
    [
        "Must provide",
        "Invalid service address",
        "service name (Service.Service) is required",
        "Invalid Service Meta",
        "Request decode failed",
        "Request decoding failed",
        "invalid config key",
        "invalid config entry kind",
        "Bad node ID",
        "Name is required",
        "is not a built-in extension",
        "invalid EnvoyExtensions",
        "ARN is required",
        "Meta exceeds maximum",
        "exceeds maximum length",
        "must be the name of a service",
        "cannot register requests with PeerName",
        "is reserved by node",
        "Missing service registration",
        "Cannot set both Port and Ports",
        "does not permit advanced routing",
        "strconv.ParseUint",
        "Failed to create boolean expression evaluator",
        "filtering not supported",
        "does not exist",
        "Invalid query parameter",
        "Invalid header",
    ];

    public static ConsulException Classify(string request, HttpStatusCode status, string body, string address)
    {
        var text = body.Trim();
        var shown = Shorten(text);
        var code = (int)status;

        if (Has(text, "Access is restricted") || Has(text, "Endpoint is blocked"))
        {
            return new ConsulException(
                $"The Consul agent at {address} refuses {request} by its own configuration ({code}: {shown}). Allow this client in the agent's http_config (allow_write_http_from, block_endpoints) or use another agent.",
                request, status, text, isTransient: false);
        }

        if (status == HttpStatusCode.Unauthorized || status == HttpStatusCode.ProxyAuthenticationRequired)
        {
            // Why: Consul never answers 401 or 407 (its ACLs answer 403); something in front of it asks for credentials.
            return new ConsulException(
                $"Something in front of Consul at {address} (a proxy or load balancer) refused {request} with {code}: it wants credentials. "
                + "Set CONSUL_HTTP_AUTH=user:password (HTTP basic auth), or check the one set.",
                request, status, text, isTransient: false);
        }

        if (status == HttpStatusCode.Forbidden || Has(text, "Permission denied") || Has(text, "ACL not found"))
        {
            return PermissionDenied(request, status, text, shown);
        }

        if (status == HttpStatusCode.TooManyRequests || (status == HttpStatusCode.ServiceUnavailable && Has(text, "rate limit")))
        {
            return new ConsulRateLimitedException(
                $"Consul rate-limited {request} ({code}: {shown}). The client backed off and retried; if this persists, lower MAX_CONCURRENCY or raise Consul's limits.",
                request, status, text, isTransient: true);
        }

        if (Has(text, "Enterprise feature"))
        {
            return new ConsulEnterpriseFeatureException(
                $"Consul rejected {request} ({code}: {shown}): this Consul is the Community Edition, which has no namespaces or admin partitions. Unset CONSUL_NAMESPACE/CONSUL_PARTITION, set ENTERPRISE=false, and remove namespace/partition tags.",
                request, status, text);
        }

        if (Has(text, "Client sent an HTTP request to an HTTPS server"))
        {
            return new ConsulUnavailableException(
                $"Consul at {address} serves HTTPS but the client spoke plain HTTP ({request}). Use an https:// address in CONSUL_HTTP_ADDR or set CONSUL_HTTP_SSL=true.",
                request, status, text, isTransient: false);
        }

        if (Has(text, "Unknown service ID") || Has(text, "Unknown check ID"))
        {
            return new ConsulNotFoundException(
                $"Consul does not know the service or check in {request} ({code}: {shown}). Consul reports this instead of a no-op when the token lacks node:write on the node.",
                request, status, text, isTransient: false);
        }

        if (status == HttpStatusCode.BadRequest || (code >= 400 && code < 600 && ValidationTexts.Any(t => Has(text, t))))
        {
            return new ConsulValidationException(
                $"Consul rejected {request} as invalid ({code}: {shown}). Fix the value Consul names; retrying cannot help.",
                request, status, text, isTransient: false);
        }

        if (status == HttpStatusCode.NotFound)
        {
            var hint = Has(text, "Invalid URL path")
                ? $"{address} answered, but not as a Consul HTTP API. Check CONSUL_HTTP_ADDR (host, port and path prefix) points at a Consul agent."
                : "Check the name and CONSUL_HTTP_ADDR (a proxy path prefix may be missing).";
            return new ConsulNotFoundException($"Consul answered 404 for {request} ({shown}). {hint}", request, status, text, isTransient: false);
        }

        if (status == HttpStatusCode.MethodNotAllowed)
        {
            return new ConsulException(
                $"Consul refused the method of {request} (405: {shown}). The agent at {address} is too old for this client or a proxy rewrites requests.",
                request, status, text, isTransient: false);
        }

        if (Has(text, "No cluster leader"))
        {
            return new ConsulUnavailableException(
                $"Consul has no cluster leader ({request}: {shown}). Wait for the servers to elect one; check that a quorum of Consul servers is up.",
                request, status, text, isTransient: true);
        }

        if (Has(text, "No path to datacenter"))
        {
            return new ConsulUnavailableException(
                $"Consul has no path to the datacenter of {request} ({shown}). Check the datacenter name (DATACENTER or the function's datacenter tag) and WAN federation.",
                request, status, text, isTransient: true);
        }

        if (status is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout)
        {
            return new ConsulUnavailableException(
                $"Consul at {address} is unavailable ({request}: {code} {shown}). Check that the Consul servers are up and reachable from here.",
                request, status, text, isTransient: true);
        }

        if (code >= 500)
        {
            // Why: like Go's IsRetryableError, an unrecognised 500 is treated as transient (leader change, server restart).
            return new ConsulException(
                $"Consul failed {request} ({code}: {shown}). If this persists, check the Consul server logs.",
                request, status, text, isTransient: true);
        }

        return new ConsulException(
            $"Consul answered {request} with an unexpected status ({code}: {shown}).",
            request, status, text, isTransient: false);
    }

    private static ConsulPermissionDeniedException PermissionDenied(string request, HttpStatusCode status, string text, string shown)
    {
        var code = (int)status;
        if (Has(text, "ACL not found"))
        {
            var what = Has(text, "must be bootstrapped")
                ? "Consul's ACL system is not bootstrapped yet. Bootstrap it (consul acl bootstrap) and give the registrator a token."
                : "Consul does not know the ACL token. Set CONSUL_HTTP_TOKEN or CONSUL_HTTP_TOKEN_FILE to a valid, unexpired token.";
            return new ConsulPermissionDeniedException($"{what} ({request}: {code} {shown})", request, text, null, null, tokenNotFound: true, anonymous: false);
        }

        var anonymous = Has(text, "anonymous token");
        var match = MissingPermission().Match(text);
        if (!match.Success)
        {
            return new ConsulPermissionDeniedException(
                $"Consul denied {request} ({code}: {shown}). Check the ACL token's policy.", request, text, null, null, tokenNotFound: false, anonymous);
        }

        var permission = match.Groups["permission"].Value;
        var resource = Unquote(match.Groups["resource"].Value);
        var separator = permission.IndexOf(':', StringComparison.Ordinal);
        var rule = separator > 0
            ? $"{permission[..separator]} \"{resource}\" {{ policy = \"{permission[(separator + 1)..]}\" }}"
            : permission;
        var who = anonymous
            ? "No ACL token was sent, so Consul used the anonymous token, which"
            : "The ACL token";
        var fix = anonymous
            ? $"Set CONSUL_HTTP_TOKEN (or CONSUL_HTTP_TOKEN_FILE) to a token whose policy grants: {rule}"
            : $"Grant it in the token's policy: {rule}";
        return new ConsulPermissionDeniedException(
            $"{who} lacks permission '{permission}' on \"{resource}\" ({request}: {code}). {fix}.",
            request, text, permission, resource, tokenNotFound: false, anonymous);
    }

    private static bool Has(string text, string fragment) => text.Contains(fragment, StringComparison.OrdinalIgnoreCase);

    private static string Shorten(string text)
    {
        var oneLine = text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n\t", " ", StringComparison.Ordinal).Replace('\n', ' ').Trim();
        return oneLine.Length <= MaxShownBody ? oneLine : string.Concat(oneLine.AsSpan(0, MaxShownBody), "…");
    }

    private static string Unquote(string value)
    {
        if (value.Length < 2 || value[0] != '"' || value[^1] != '"')
        {
            return value;
        }

        var inner = value[1..^1];
        var result = new StringBuilder(inner.Length);
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '\\' && i + 1 < inner.Length)
            {
                i++;
            }

            result.Append(inner[i]);
        }

        return result.ToString();
    }

    [GeneratedRegex("""lacks permission '(?<permission>[^']+)' on (?<resource>"(?:[^"\\]|\\.)*"|[^\s.]+)""")]
    private static partial Regex MissingPermission();
}
