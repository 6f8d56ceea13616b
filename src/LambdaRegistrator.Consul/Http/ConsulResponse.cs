using System.Net;

namespace LambdaRegistrator.Consul.Http;

/// <summary>One answer from Consul: status, raw body, the parsed <c>X-Consul-*</c> headers and <c>Retry-After</c> (a proxy's; Consul sends none).</summary>
internal sealed record ConsulResponse(HttpStatusCode Status, byte[] Body, QueryMeta Meta, TimeSpan? RetryAfter = null);
