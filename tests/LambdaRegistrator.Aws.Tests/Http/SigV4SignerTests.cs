using System.Security.Cryptography;
using System.Text;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;
using Amazon.Runtime.Signing;

namespace LambdaRegistrator.Aws.Tests.Http;

/// <summary>Sanity checks that AWSSDK's SigV4 signer, as the transport drives it, signs what AWS expects.</summary>
public sealed class SigV4SignerTests
{
    private const string AccessKey = "AKIDEXAMPLE";
    private const string Secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static readonly DateTime VectorTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    // aws-c-auth tests/aws-signing-test-suite/v4/get-vanilla (the AWS SigV4 test suite).
    private const string GetVanillaCanonicalRequest =
        "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private const string GetVanillaSignature = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    [Fact]
    public void ComputeSignature_GetVanillaVector_MatchesTheTestSuite()
    {
        var result = AWS4Signer.ComputeSignature(AccessKey, Secret, "us-east-1", VectorTime, "service", "host;x-amz-date", GetVanillaCanonicalRequest);

        Assert.Equal(GetVanillaSignature, result.Signature);
    }

    [Fact]
    public void ReferenceSignature_GetVanillaVector_MatchesTheTestSuite()
    {
        Assert.Equal(GetVanillaSignature, ReferenceSigV4.Signature(Secret, VectorTime, "us-east-1", "service", GetVanillaCanonicalRequest));
    }

    public static TheoryData<string, string, string, string?, string?, string?> Requests => new()
    {
        { "get-vanilla with a signed payload hash", "service", "https://example.amazonaws.com/", null, null, null },
        { "Lambda ListTags with an encoded ARN label", "lambda", "https://lambda.us-east-1.amazonaws.com/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn", null, null, null },
        { "ListFunctions with an encoded +/= marker", "lambda", "https://lambda.us-east-1.amazonaws.com/2015-03-31/functions?MaxItems=50&Marker=a%2Bb%2Fc%3D%3D", null, null, null },
        { "GetFunction of an ARN on a local port", "lambda", "http://127.0.0.1:5000/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn", null, null, null },
        { "SSM GetParameter JSON 1.1", "ssm", "https://ssm.us-east-1.amazonaws.com/", """{"Name":"/consul/token","WithDecryption":true}""", "application/x-amz-json-1.1", "AmazonSSM.GetParameter" },
        { "Tagging GetResources JSON 1.1", "tagging", "https://tagging.us-east-1.amazonaws.com/", """{"ResourceTypeFilters":["lambda:function"],"ResourcesPerPage":100}""", "application/x-amz-json-1.1", "ResourceGroupsTaggingAPI_20170126.GetResources" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Sign_TransportStyleRequest_MatchesSpecLiteralSignature(
        string caseName, string service, string uri, string? body, string? contentType, string? target)
    {
        var requestUri = new Uri(uri);
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body);
        var request = new AWSSigningRequest { HttpMethod = body is null ? HttpMethod.Get : HttpMethod.Post, RequestUri = requestUri, Content = bytes };
        if (contentType is not null)
        {
            request.Headers["Content-Type"] = contentType;
        }

        if (target is not null)
        {
            request.Headers["X-Amz-Target"] = target;
        }

        var result = AWSSigV4Signer.Sign(request, new AWSSigV4Parameters
        {
            Credentials = new BasicAWSCredentials(AccessKey, Secret),
            Region = RegionEndpoint.USEast1,
            Service = service,
            SignedAt = VectorTime,
        });

        var headers = new Dictionary<string, string>(result.Headers, StringComparer.OrdinalIgnoreCase);
        var authorization = headers["Authorization"];
        var signedHeaders = Between(authorization, "SignedHeaders=", ",").Split(';');
        var canonicalHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = requestUri.IsDefaultPort ? requestUri.Host : requestUri.Authority,
        };
        foreach (var (name, value) in headers.Concat(request.Headers))
        {
            canonicalHeaders[name.ToLowerInvariant()] = value;
        }

        var payloadHash = ReferenceSigV4.Hex(SHA256.HashData(bytes));
        var canonical = ReferenceSigV4.CanonicalRequest(request.HttpMethod.Method, requestUri, canonicalHeaders, signedHeaders, payloadHash);
        var expected = ReferenceSigV4.Signature(Secret, VectorTime, "us-east-1", service, canonical);

        Assert.True(authorization.EndsWith($"Signature={expected}", StringComparison.Ordinal), $"{caseName}: {authorization}\n{canonical}");
        Assert.Equal(payloadHash, headers["X-Amz-Content-SHA256"]);
        Assert.Equal("20150830T123600Z", headers["X-Amz-Date"]);
        Assert.Contains($"Credential={AccessKey}/20150830/us-east-1/{service}/aws4_request", authorization, StringComparison.Ordinal);
        if (target is not null)
        {
            Assert.Contains("x-amz-target", signedHeaders);
            Assert.Contains("content-type", signedHeaders);
        }
    }

    [Fact]
    public void CanonicalRequest_EncodedArnPath_IsDoubleEncoded()
    {
        var uri = new Uri("https://lambda.us-east-1.amazonaws.com/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn");

        var canonical = ReferenceSigV4.CanonicalRequest("GET", uri, new Dictionary<string, string> { ["host"] = uri.Host }, ["host"], "x");

        Assert.StartsWith("GET\n/2017-03-31/tags/arn%253Aaws%253Alambda%253Aus-east-1%253A123456789012%253Afunction%253Afn\n", canonical, StringComparison.Ordinal);
        Assert.Equal("/2017-03-31/tags/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Afn", uri.AbsolutePath);
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        return text[from..to];
    }
}
