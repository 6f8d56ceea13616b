using System.Net;

namespace LambdaRegistrator.Aws;

/// <summary>
/// An AWS call failed: the service answered with an error, or it could not be reached after every retry.
/// The message says what happened and what to do; the properties let callers branch on the cause.
/// </summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Error code used when no HTTP response arrived (connection refused, reset, DNS failure).</summary>
    public const string ConnectionFailureCode = "ConnectionFailure";

    /// <summary>Error code used when an attempt exceeded its per-attempt timeout.</summary>
    public const string RequestTimeoutCode = "RequestTimeout";

    /// <summary>Creates the exception for a failed call.</summary>
    public AwsServiceException(
        string serviceName,
        string operation,
        string errorCode,
        HttpStatusCode? statusCode,
        string message,
        int attempts,
        Exception? innerException = null)
        : base(message, innerException)
    {
        ServiceName = serviceName;
        Operation = operation;
        ErrorCode = errorCode;
        StatusCode = statusCode;
        Attempts = attempts;
    }

    /// <summary>Creates an exception with only a message; prefer the full constructor.</summary>
    public AwsServiceException(string message)
        : this("AWS", "Unknown", "Unknown", null, message, 1)
    {
    }

    /// <summary>Creates an exception with only a message and cause; prefer the full constructor.</summary>
    public AwsServiceException(string message, Exception innerException)
        : this("AWS", "Unknown", "Unknown", null, message, 1, innerException)
    {
    }

    /// <summary>Creates an empty exception; prefer the full constructor.</summary>
    public AwsServiceException()
        : this("The AWS call failed.")
    {
    }

    /// <summary>The service, as AWS names it: <c>Lambda</c>, <c>ResourceGroupsTaggingAPI</c> or <c>SSM</c>.</summary>
    public string ServiceName { get; }

    /// <summary>The API operation, e.g. <c>GetFunction</c>.</summary>
    public string Operation { get; }

    /// <summary>
    /// The AWS error code (e.g. <c>AccessDeniedException</c>), or <see cref="ConnectionFailureCode"/> /
    /// <see cref="RequestTimeoutCode"/> when no response arrived.
    /// </summary>
    public string ErrorCode { get; }

    /// <summary>The HTTP status of the last response; null when no response arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }

    /// <summary>True when AWS throttled the call (after retries ran out).</summary>
    public bool IsThrottling => Http.AwsErrorClassifier.IsThrottling(ErrorCode, StatusCode);

    /// <summary>True when the caller lacks an IAM permission for the call.</summary>
    public bool IsAccessDenied => Http.AwsErrorClassifier.IsAccessDenied(ErrorCode, StatusCode);
}
