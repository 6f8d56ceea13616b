using System.Net;

namespace LambdaRegistrator.Aws.Http;

/// <summary>Decides which AWS errors are worth retrying and turns an error into advice a user can act on.</summary>
internal static class AwsErrorClassifier
{
    // Why: each service spells throttling differently: Lambda TooManyRequestsException (429),
    // SSM ThrottlingException, Tagging ThrottledException; the rest are the AWS SDKs' standard throttle codes.
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "TooManyRequestsException", "ThrottlingException", "ThrottledException", "Throttling",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown",
        "ProvisionedThroughputExceededException", "BandwidthLimitExceeded", "LimitExceededException",
        "PriorRequestNotComplete", "EC2ThrottledException", "TransactionInProgressException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "InternalServerError", "InternalServiceException",
        "InternalFailure", "ServiceException", "ServiceUnavailable", "ServiceUnavailableException",
        AwsServiceException.ConnectionFailureCode,
    };

    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnauthorizedException",
        "KMSAccessDeniedException",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException", "SignatureDoesNotMatch",
        "ExpiredTokenException", "ExpiredToken", "IncompleteSignature", "MissingAuthenticationToken",
        "InvalidAccessKeyId", "RequestExpired",
    };

    public static bool IsThrottling(string errorCode, HttpStatusCode? status) =>
        status == HttpStatusCode.TooManyRequests || ThrottlingCodes.Contains(errorCode);

    public static bool IsAccessDenied(string errorCode, HttpStatusCode? status) =>
        AccessDeniedCodes.Contains(errorCode) || (status == HttpStatusCode.Forbidden && !CredentialCodes.Contains(errorCode));

    /// <summary>True for throttling, 5xx and transient codes: the same request may succeed later.</summary>
    public static bool IsRetryable(string errorCode, HttpStatusCode? status) =>
        IsThrottling(errorCode, status)
        || TransientCodes.Contains(errorCode)
        || (status is { } s && (int)s >= 500 && s != HttpStatusCode.NotImplemented);

    /// <summary>The IAM action a call needs, e.g. <c>lambda:GetFunction</c>.</summary>
    public static string IamAction(string serviceName, string operation) => serviceName switch
    {
        AwsServiceNames.Lambda => $"lambda:{operation}",
        AwsServiceNames.Tagging => $"tag:{operation}",
        AwsServiceNames.Ssm => $"ssm:{operation}",
        AwsServiceNames.Sts => $"sts:{operation}",
        _ => $"{serviceName}:{operation}",
    };

    /// <summary>Builds the exception message: what failed, AWS's own words, and what to do about it.</summary>
    public static string Describe(
        string serviceName, string operation, string errorCode, HttpStatusCode? status, string? serviceMessage, int attempts)
    {
        var statusText = status is { } s ? $"HTTP {(int)s} " : string.Empty;
        var said = string.IsNullOrWhiteSpace(serviceMessage) ? string.Empty : $": {serviceMessage.Trim()}";
        var tries = attempts > 1 ? $" after {attempts} attempts" : string.Empty;
        return $"{serviceName} {operation} failed{tries} with {statusText}{errorCode}{said}. {Advice(serviceName, operation, errorCode, status)}";
    }

    private static string Advice(string serviceName, string operation, string errorCode, HttpStatusCode? status)
    {
        if (IsAccessDenied(errorCode, status))
        {
            var action = IamAction(serviceName, operation);
            return (serviceName, operation) switch
            {
                (AwsServiceNames.Lambda, "GetFunction") =>
                    $"Grant {action} and lambda:ListTags to the registrator's IAM role.",
                (AwsServiceNames.Ssm, "GetParameter") =>
                    $"Grant {action} on the parameter, and kms:Decrypt on its KMS key, to the registrator's IAM role.",
                (AwsServiceNames.Ssm, "PutParameter") =>
                    $"Grant {action} on the parameter, and kms:Encrypt on its KMS key, to the registrator's IAM role.",
                _ => $"Grant {action} to the registrator's IAM role.",
            };
        }

        if (CredentialCodes.Contains(errorCode))
        {
            return "AWS rejected the credentials or signature: check AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN "
                + "(or the role), that they belong to this region's partition, and that the system clock is correct.";
        }

        if (IsThrottling(errorCode, status))
        {
            return "AWS kept throttling the call: lower MAX_CONCURRENCY, sync less often, or check what else in the account "
                + "calls this API; the next sync will retry.";
        }

        return errorCode switch
        {
            AwsServiceException.ConnectionFailureCode =>
                "Check network access to the AWS endpoint (NAT gateway or VPC endpoint for Lambda in a VPC) and AWS_ENDPOINT_URL* if set.",
            AwsServiceException.RequestTimeoutCode =>
                "The endpoint did not answer in time: check network access to AWS; the next sync will retry.",
            "ResourceNotFoundException" => "The resource does not exist (it may have been deleted): check the name or ARN.",
            "ParameterNotFound" => "Create the SSM parameter or fix the parameter name in the configuration.",
            "ParameterVersionNotFound" => "The parameter version does not exist: fix the version selector in the name.",
            "InvalidKeyId" => "The parameter's KMS key is disabled or missing: check the key and kms:Decrypt permission.",
            "PaginationTokenExpiredException" => "The listing took longer than 15 minutes; the next sync starts it again.",
            _ when status is { } s && (int)s >= 500 => "AWS had an internal error; the next sync will retry.",
            _ => "Check the request parameters and the registrator's configuration.",
        };
    }
}
