namespace LambdaRegistrator.Aws.Http;

/// <summary>One AWS API call, ready to be signed and sent (again on each retry).</summary>
/// <param name="ServiceName">The service as AWS names it in errors, e.g. <c>Lambda</c>.</param>
/// <param name="SigningName">The SigV4 service name, e.g. <c>lambda</c>.</param>
/// <param name="Operation">The API operation, e.g. <c>GetFunction</c>.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="Uri">The exact wire URI; path labels and query values already percent-encoded.</param>
/// <param name="Body">The body bytes, or null for none.</param>
/// <param name="ContentType">The exact Content-Type (signed, so sent byte for byte), or null.</param>
/// <param name="Target">The <c>X-Amz-Target</c> header of JSON 1.1 calls, or null.</param>
/// <param name="RateLimit">The quota bucket this call spends from, or null.</param>
/// <param name="Credentials">Signs with these instead of the transport's own (STS calls made for another identity), or null.</param>
/// <param name="Anonymous">Sent unsigned (sts:AssumeRoleWithWebIdentity, whose token is the proof of identity).</param>
internal sealed record AwsRequest(
    string ServiceName,
    string SigningName,
    string Operation,
    HttpMethod Method,
    Uri Uri,
    byte[]? Body = null,
    string? ContentType = null,
    string? Target = null,
    TokenBucket? RateLimit = null,
    Amazon.Runtime.AWSCredentials? Credentials = null,
    bool Anonymous = false);
