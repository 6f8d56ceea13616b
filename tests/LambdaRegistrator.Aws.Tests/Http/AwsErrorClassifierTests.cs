using System.Net;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Tests.Http;

public sealed class AwsErrorClassifierTests
{
    public static TheoryData<string, string, HttpStatusCode?, bool> Retryable => new()
    {
        { "Lambda throttling", "TooManyRequestsException", HttpStatusCode.TooManyRequests, true },
        { "SSM throttling", "ThrottlingException", HttpStatusCode.BadRequest, true },
        { "Tagging throttling", "ThrottledException", HttpStatusCode.BadRequest, true },
        { "A 429 without a known code", "Http429", HttpStatusCode.TooManyRequests, true },
        { "Lambda ServiceException", "ServiceException", HttpStatusCode.InternalServerError, true },
        { "A 503 without a code", "Http503", HttpStatusCode.ServiceUnavailable, true },
        { "A dropped connection", AwsServiceException.ConnectionFailureCode, null, true },
        { "An attempt timeout", AwsServiceException.RequestTimeoutCode, null, true },
        { "Access denied", "AccessDeniedException", HttpStatusCode.Forbidden, false },
        { "A missing function", "ResourceNotFoundException", HttpStatusCode.NotFound, false },
        { "A missing parameter", "ParameterNotFound", HttpStatusCode.BadRequest, false },
        { "A bad request", "InvalidParameterValueException", HttpStatusCode.BadRequest, false },
        { "An expired pagination token", "PaginationTokenExpiredException", HttpStatusCode.BadRequest, false },
        { "Not implemented", "Http501", HttpStatusCode.NotImplemented, false },
    };

    [Theory]
    [MemberData(nameof(Retryable))]
    public void IsRetryable_ErrorCode_MatchesPolicy(string caseName, string code, HttpStatusCode? status, bool expected)
    {
        Assert.True(expected == AwsErrorClassifier.IsRetryable(code, status), caseName);
    }

    public static TheoryData<string, string, string, string, HttpStatusCode?, string> Advice => new()
    {
        { "GetFunction denied names ListTags too", "Lambda", "GetFunction", "AccessDeniedException", HttpStatusCode.Forbidden, "lambda:ListTags" },
        { "ListFunctions denied names its action", "Lambda", "ListFunctions", "AccessDeniedException", HttpStatusCode.Forbidden, "Grant lambda:ListFunctions" },
        { "GetResources denied names the tag: prefix", "ResourceGroupsTaggingAPI", "GetResources", "AccessDeniedException", HttpStatusCode.BadRequest, "Grant tag:GetResources" },
        { "GetParameter denied names kms:Decrypt", "SSM", "GetParameter", "AccessDeniedException", HttpStatusCode.BadRequest, "kms:Decrypt" },
        { "A bad signature points at credentials", "Lambda", "ListFunctions", "InvalidSignatureException", HttpStatusCode.Forbidden, "AWS_SECRET_ACCESS_KEY" },
        { "Exhausted throttling suggests lowering concurrency", "Lambda", "GetFunction", "TooManyRequestsException", HttpStatusCode.TooManyRequests, "MAX_CONCURRENCY" },
        { "No connection points at the network", "SSM", "GetParameter", AwsServiceException.ConnectionFailureCode, null, "VPC endpoint" },
        { "A missing parameter says to create it", "SSM", "GetParameter", "ParameterNotFound", HttpStatusCode.BadRequest, "Create the SSM parameter" },
    };

    [Theory]
    [MemberData(nameof(Advice))]
    public void Describe_Error_SaysWhatToDo(string caseName, string service, string operation, string code, HttpStatusCode? status, string expected)
    {
        var message = AwsErrorClassifier.Describe(service, operation, code, status, "AWS says no", 1);

        Assert.True(message.Contains(expected, StringComparison.Ordinal), $"{caseName}: {message}");
        Assert.Contains($"{service} {operation} failed", message, StringComparison.Ordinal);
        Assert.Contains("AWS says no", message, StringComparison.Ordinal);
    }
}
