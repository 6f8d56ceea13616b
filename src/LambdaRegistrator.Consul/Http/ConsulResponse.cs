using System.Net;

namespace LambdaRegistrator.Consul.Http;

/// <summary>One answer from Consul: status, raw body and the parsed <c>X-Consul-*</c> headers.</summary>
internal sealed record ConsulResponse(HttpStatusCode Status, byte[] Body, QueryMeta Meta);
