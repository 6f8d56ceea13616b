namespace LambdaRegistrator.ConsulSimulator.Diagnostics;

/// <summary>
/// One request the simulator received: method, path (query without the token), the endpoint it counted for
/// (e.g. <c>GET /v1/catalog/service/:service</c>), the status sent (0 when the connection was dropped) and whether a fault applied.
/// </summary>
public sealed record RecordedRequest(string Method, string PathAndQuery, string Endpoint, int StatusCode, bool Faulted);
