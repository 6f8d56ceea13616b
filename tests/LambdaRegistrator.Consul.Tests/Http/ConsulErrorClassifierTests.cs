using System.Net;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Http;

namespace LambdaRegistrator.Consul.Tests.Http;

public sealed class ConsulErrorClassifierTests
{
    private const string Request = "PUT /v1/catalog/register";
    private const string Address = "http://consul.example:8500";

    public static TheoryData<string, int, string, Type, bool, string[]> Cases => new()
    {
        {
            "named token lacks service:write", 403,
            "Permission denied: token with AccessorID 'a1b2' lacks permission 'service:write' on \"web\"",
            typeof(ConsulPermissionDeniedException), false,
            ["The ACL token lacks permission 'service:write' on \"web\"", "service \"web\" { policy = \"write\" }", Request]
        },
        {
            "anonymous token lacks node:write", 403,
            "Permission denied: anonymous token lacks permission 'node:write' on \"lambdas\". The anonymous token is used implicitly when a request does not specify a token.",
            typeof(ConsulPermissionDeniedException), false,
            ["No ACL token was sent", "'node:write' on \"lambdas\"", "CONSUL_HTTP_TOKEN", "node \"lambdas\" { policy = \"write\" }"]
        },
        {
            "denial forwarded by a client agent", 403,
            "rpc error making call: Permission denied: token with AccessorID 'x' lacks permission 'service:read' on \"a\\\"b\"",
            typeof(ConsulPermissionDeniedException), false,
            ["'service:read' on \"a\"b\""]
        },
        {
            "unknown token", 403, "ACL not found",
            typeof(ConsulPermissionDeniedException), false,
            ["does not know the ACL token", "CONSUL_HTTP_TOKEN"]
        },
        {
            "ACLs not bootstrapped", 403, "ACL system must be bootstrapped before making any requests that require authorization: ACL not found",
            typeof(ConsulPermissionDeniedException), false,
            ["not bootstrapped", "consul acl bootstrap"]
        },
        {
            "bare permission denied", 403, "Permission denied",
            typeof(ConsulPermissionDeniedException), false,
            ["Consul denied", "token's policy"]
        },
        {
            "agent restricts writes by address", 403, "Access is restricted",
            typeof(ConsulException), false,
            ["allow_write_http_from"]
        },
        {
            "server rate limit (any server)", 429, "rate limit exceeded, try again later or against a different server",
            typeof(ConsulRateLimitedException), true,
            ["rate-limited", "MAX_CONCURRENCY"]
        },
        {
            "leader-only rate limit", 503, "rate limit exceeded for operation that can only be performed by the leader, try again later",
            typeof(ConsulRateLimitedException), true,
            ["rate-limited"]
        },
        {
            "connection limit", 429, "Your IP is issuing too many concurrent connections, please rate limit your calls\n",
            typeof(ConsulRateLimitedException), true,
            ["too many concurrent connections"]
        },
        {
            "namespace sent to CE", 400, "Invalid query parameter: \"ns\" - Namespaces are a Consul Enterprise feature",
            typeof(ConsulEnterpriseFeatureException), false,
            ["Community Edition", "CONSUL_NAMESPACE", "ENTERPRISE=false"]
        },
        {
            "partition key in a CE register body", 400, "Request decode failed: json: unknown field \"Partition\"",
            typeof(ConsulValidationException), false,
            ["rejected PUT /v1/catalog/register as invalid (400", "unknown field \"Partition\""]
        },
        {
            "missing node is a 500", 500, "Must provide node",
            typeof(ConsulValidationException), false,
            ["Must provide node", "retrying cannot help"]
        },
        {
            "extension multierror", 500, "1 error occurred:\n\t* invalid EnvoyExtensions[0][builtin/aws/lambda]: 1 error occurred:\n\t* ARN is required\n\n\n\n",
            typeof(ConsulValidationException), false,
            ["1 error occurred: * invalid EnvoyExtensions[0][builtin/aws/lambda]: 1 error occurred: * ARN is required"]
        },
        {
            "reserved service meta prefix", 500,
            "failed inserting service: Invalid Service Meta for node lambdas and serviceID fn: Couldn't load metadata pair ('consul-x', 'y'): Key prefix 'consul-' is reserved for internal use",
            typeof(ConsulValidationException), false,
            ["Key prefix 'consul-' is reserved"]
        },
        {
            "unknown config key", 400, "Request decoding failed: 1 error occurred:\n\t* invalid config key \"Bogus\"\n\n",
            typeof(ConsulValidationException), false,
            ["invalid config key \"Bogus\""]
        },
        {
            "validation forwarded by a client agent", 500, "rpc error making call: service-defaults name must be the name of a service, and not a wildcard",
            typeof(ConsulValidationException), false,
            ["must be the name of a service"]
        },
        {
            "bad cas value", 500, "strconv.ParseUint: parsing \"x\": invalid syntax",
            typeof(ConsulValidationException), false,
            ["strconv.ParseUint"]
        },
        {
            "not a Consul endpoint", 404, "Invalid URL path: not a recognized HTTP API endpoint\n",
            typeof(ConsulNotFoundException), false,
            ["not as a Consul HTTP API", "CONSUL_HTTP_ADDR", Address]
        },
        {
            "other 404", 404, "Not Found",
            typeof(ConsulNotFoundException), false,
            ["Consul answered 404", "path prefix"]
        },
        {
            "unknown service on deregister without node:write", 500, "Unknown service ID 'fn'",
            typeof(ConsulNotFoundException), false,
            ["node:write"]
        },
        {
            "wrong method", 405, "method POST not allowed",
            typeof(ConsulException), false,
            ["refused the method", "too old"]
        },
        {
            "no leader", 500, "No cluster leader",
            typeof(ConsulUnavailableException), true,
            ["no cluster leader", "quorum"]
        },
        {
            "unknown datacenter", 500, "rpc error making call: No path to datacenter",
            typeof(ConsulUnavailableException), true,
            ["no path to the datacenter", "DATACENTER"]
        },
        {
            "gateway error from a load balancer", 502, "<html>Bad Gateway</html>",
            typeof(ConsulUnavailableException), true,
            ["unavailable", "502"]
        },
        {
            "plain HTTP to the HTTPS port", 400, "Client sent an HTTP request to an HTTPS server.\n",
            typeof(ConsulUnavailableException), false,
            ["serves HTTPS", "CONSUL_HTTP_SSL=true"]
        },
        {
            "unrecognised 500 is transient like Go's IsRetryableError", 500, "raft apply failed: timed out enqueuing operation",
            typeof(ConsulException), true,
            ["Consul failed PUT /v1/catalog/register (500", "server logs"]
        },
        {
            "unexpected 3xx", 301, "Moved",
            typeof(ConsulException), false,
            ["unexpected status (301"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_StatusAndBody_TypedErrorThatSaysWhatToDo(string caseName, int status, string body, Type expectedType, bool transient, string[] fragments)
    {
        var error = ConsulErrorClassifier.Classify(Request, (HttpStatusCode)status, body, Address);

        Assert.True(expectedType == error.GetType(), $"{caseName}: got {error.GetType().Name}: {error.Message}");
        Assert.True(transient == error.IsTransient, $"{caseName}: IsTransient");
        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Equal(Request, error.Request);
        Assert.Equal(body.Trim(), error.ResponseBody);
        foreach (var fragment in fragments)
        {
            Assert.True(error.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase), $"{caseName}: '{error.Message}' lacks '{fragment}'");
        }
    }

    public static TheoryData<string, string, string?, string?, bool, bool> PermissionCases => new()
    {
        { "named token", "Permission denied: token with AccessorID 'id' lacks permission 'service:write' on \"web\"", "service:write", "web", false, false },
        { "anonymous", "Permission denied: anonymous token lacks permission 'node:write' on \"lambdas\". The anonymous token is used implicitly when a request does not specify a token.", "node:write", "lambdas", false, true },
        { "resource with a slash", "Permission denied: token with AccessorID 'id' lacks permission 'service:write' on \"team/web\"", "service:write", "team/web", false, false },
        { "unknown token", "ACL not found", null, null, true, false },
        { "bare", "Permission denied", null, null, false, false },
    };

    [Theory]
    [MemberData(nameof(PermissionCases))]
    public void Classify_Forbidden_ParsesMissingRule(string caseName, string body, string? permission, string? resource, bool tokenNotFound, bool anonymous)
    {
        var error = Assert.IsType<ConsulPermissionDeniedException>(ConsulErrorClassifier.Classify(Request, HttpStatusCode.Forbidden, body, Address));

        Assert.True(permission == error.Permission, $"{caseName}: permission {error.Permission}");
        Assert.True(resource == error.Resource, $"{caseName}: resource {error.Resource}");
        Assert.True(tokenNotFound == error.TokenNotFound, $"{caseName}: TokenNotFound");
        Assert.True(anonymous == error.Anonymous, $"{caseName}: Anonymous");
    }

    [Fact]
    public void Classify_LongBody_MessageIsBounded()
    {
        var body = "Request decoding failed: invalid config key \"" + new string('x', 5000) + "\"";

        var error = ConsulErrorClassifier.Classify(Request, HttpStatusCode.InternalServerError, body, Address);

        Assert.True(error.Message.Length < 1000, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(body, error.ResponseBody);
    }
}
