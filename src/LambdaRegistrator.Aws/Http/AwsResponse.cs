using System.Net;

namespace LambdaRegistrator.Aws.Http;

/// <summary>A response AWS answered with; errors are already turned into exceptions by the transport.</summary>
internal sealed record AwsResponse(HttpStatusCode StatusCode, byte[] Body);
