namespace LambdaRegistrator.Consul;

/// <summary>A value read from Consul together with the response metadata.</summary>
/// <typeparam name="T">The decoded body.</typeparam>
/// <param name="Value">The decoded body.</param>
/// <param name="Meta">The <c>X-Consul-*</c> headers of the response.</param>
public sealed record QueryResult<T>(T Value, QueryMeta Meta);
