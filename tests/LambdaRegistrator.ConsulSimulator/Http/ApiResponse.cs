using System.Globalization;
using System.Text;

namespace LambdaRegistrator.ConsulSimulator.Http;

/// <summary>A reply of a simulated endpoint: status, body, content type and Consul's response headers.</summary>
internal sealed class ApiResponse
{
    public const string JsonContentType = "application/json";
    public const string TextContentType = "text/plain; charset=utf-8";

    private ApiResponse(int statusCode, byte[] body, string? contentType)
    {
        StatusCode = statusCode;
        Body = body;
        ContentType = contentType;
    }

    public int StatusCode { get; }
    public byte[] Body { get; }
    public string? ContentType { get; }
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static ApiResponse Json(byte[] body) => new(200, body, JsonContentType);

    public static ApiResponse JsonLiteral(string json) => new(200, Encoding.UTF8.GetBytes(json), JsonContentType);

    public static ApiResponse Text(int statusCode, string text) => new(statusCode, Encoding.UTF8.GetBytes(text), TextContentType);

    public static ApiResponse Empty(int statusCode) => new(statusCode, [], null);

    /// <summary>
    /// Adds the query-endpoint headers (<c>setMeta</c> in <c>agent/http.go</c>): index (never 0, <c>setIndex</c>), leader,
    /// last contact and, for catalog reads, consistency.
    /// </summary>
    public ApiResponse WithQueryMeta(ulong index, string? effectiveConsistency = null, bool filteredByAcls = false, bool knownLeader = true)
    {
        Headers["X-Consul-Index"] = Math.Max(index, 1).ToString(CultureInfo.InvariantCulture);
        Headers["X-Consul-KnownLeader"] = knownLeader ? "true" : "false";
        Headers["X-Consul-LastContact"] = "0";
        if (effectiveConsistency is not null)
        {
            Headers["X-Consul-Effective-Consistency"] = effectiveConsistency;
        }

        if (filteredByAcls)
        {
            Headers["X-Consul-Results-Filtered-By-ACLs"] = "true";
        }

        return this;
    }
}
