using System.Net;
using System.Text;
using LambdaRegistrator.Aws.Http;

namespace LambdaRegistrator.Aws.Tests.Http;

public sealed class AwsErrorParserTests
{
    public static TheoryData<string, string?, string, HttpStatusCode, string, string?> Cases => new()
    {
        {
            "Lambda header with a coral suffix, message in Message",
            "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/", """{"Type":"User","Message":"Function not found: fn"}""",
            HttpStatusCode.NotFound, "ResourceNotFoundException", "Function not found: fn"
        },
        {
            "Lambda 429 with lower-case message",
            "TooManyRequestsException", """{"Type":"User","message":"Rate exceeded","Reason":"CallerRateLimitExceeded"}""",
            HttpStatusCode.TooManyRequests, "TooManyRequestsException", "Rate exceeded"
        },
        {
            "Header wins over the body",
            "AccessDeniedException", """{"__type":"SomethingElse","message":"denied"}""",
            HttpStatusCode.Forbidden, "AccessDeniedException", "denied"
        },
        {
            "Header with a namespace prefix",
            "aws.protocoltests#ThrottlingException", "{}",
            HttpStatusCode.BadRequest, "ThrottlingException", null
        },
        {
            "JSON 1.1 __type with a namespace prefix",
            null, """{"__type":"com.amazonaws.resourcegroupstaggingapi#ThrottledException","Message":"Rate exceeded"}""",
            HttpStatusCode.BadRequest, "ThrottledException", "Rate exceeded"
        },
        {
            "moto SSM body with both message spellings",
            null, """{"__type":"ParameterNotFound","message":"Parameter /x not found.","Message":"Parameter /x not found."}""",
            HttpStatusCode.BadRequest, "ParameterNotFound", "Parameter /x not found."
        },
        {
            "Body code member",
            null, """{"code":"InvalidParameterValueException","message":"bad"}""",
            HttpStatusCode.BadRequest, "InvalidParameterValueException", "bad"
        },
        {
            "Body Code member",
            null, """{"Code":"ValidationException","Message":"bad"}""",
            HttpStatusCode.BadRequest, "ValidationException", "bad"
        },
        {
            "Empty body falls back to the status",
            null, "",
            HttpStatusCode.ServiceUnavailable, "Http503", null
        },
        {
            "Text body falls back to the status",
            null, "Bad Gateway",
            HttpStatusCode.BadGateway, "Http502", null
        },
        {
            "Broken JSON keeps the header code",
            "ServiceException", "{not json",
            HttpStatusCode.InternalServerError, "ServiceException", null
        },
        {
            "moto XML auth error",
            null, "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match</Message></Error></ErrorResponse>",
            HttpStatusCode.Forbidden, "SignatureDoesNotMatch", "The request signature we calculated does not match"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_ErrorResponse_ReturnsCodeAndMessage(
        string caseName, string? header, string body, HttpStatusCode status, string expectedCode, string? expectedMessage)
    {
        var (code, message) = AwsErrorParser.Parse(header, Encoding.UTF8.GetBytes(body), status);

        Assert.True(expectedCode == code, $"{caseName}: code was {code}");
        Assert.Equal(expectedMessage, message);
    }
}
