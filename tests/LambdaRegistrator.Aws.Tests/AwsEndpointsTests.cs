namespace LambdaRegistrator.Aws.Tests;

public sealed class AwsEndpointsTests
{
    public static TheoryData<string, Dictionary<string, string>, string, string, string, string> Cases => new()
    {
        {
            "AWS_REGION alone gives the public endpoints",
            new() { ["AWS_REGION"] = "us-east-1" },
            "us-east-1", "https://lambda.us-east-1.amazonaws.com/", "https://tagging.us-east-1.amazonaws.com/", "https://ssm.us-east-1.amazonaws.com/"
        },
        {
            "AWS_DEFAULT_REGION is the fallback",
            new() { ["AWS_DEFAULT_REGION"] = "eu-west-1" },
            "eu-west-1", "https://lambda.eu-west-1.amazonaws.com/", "https://tagging.eu-west-1.amazonaws.com/", "https://ssm.eu-west-1.amazonaws.com/"
        },
        {
            "AWS_REGION wins over AWS_DEFAULT_REGION",
            new() { ["AWS_REGION"] = "us-west-2", ["AWS_DEFAULT_REGION"] = "eu-west-1" },
            "us-west-2", "https://lambda.us-west-2.amazonaws.com/", "https://tagging.us-west-2.amazonaws.com/", "https://ssm.us-west-2.amazonaws.com/"
        },
        {
            "China regions use amazonaws.com.cn",
            new() { ["AWS_REGION"] = "cn-north-1" },
            "cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/", "https://tagging.cn-north-1.amazonaws.com.cn/", "https://ssm.cn-north-1.amazonaws.com.cn/"
        },
        {
            "aws-us-gov regions use amazonaws.com",
            new() { ["AWS_REGION"] = "us-gov-west-1" },
            "us-gov-west-1", "https://lambda.us-gov-west-1.amazonaws.com/", "https://tagging.us-gov-west-1.amazonaws.com/", "https://ssm.us-gov-west-1.amazonaws.com/"
        },
        {
            "aws-iso regions use c2s.ic.gov",
            new() { ["AWS_REGION"] = "us-iso-east-1" },
            "us-iso-east-1", "https://lambda.us-iso-east-1.c2s.ic.gov/", "https://tagging.us-iso-east-1.c2s.ic.gov/", "https://ssm.us-iso-east-1.c2s.ic.gov/"
        },
        {
            "aws-iso-b regions use sc2s.sgov.gov",
            new() { ["AWS_REGION"] = "us-isob-east-1" },
            "us-isob-east-1", "https://lambda.us-isob-east-1.sc2s.sgov.gov/", "https://tagging.us-isob-east-1.sc2s.sgov.gov/", "https://ssm.us-isob-east-1.sc2s.sgov.gov/"
        },
        {
            "aws-iso-e regions use cloud.adc-e.uk",
            new() { ["AWS_REGION"] = "eu-isoe-west-1" },
            "eu-isoe-west-1", "https://lambda.eu-isoe-west-1.cloud.adc-e.uk/", "https://tagging.eu-isoe-west-1.cloud.adc-e.uk/", "https://ssm.eu-isoe-west-1.cloud.adc-e.uk/"
        },
        {
            "aws-iso-f regions use csp.hci.ic.gov",
            new() { ["AWS_REGION"] = "us-isof-south-1" },
            "us-isof-south-1", "https://lambda.us-isof-south-1.csp.hci.ic.gov/", "https://tagging.us-isof-south-1.csp.hci.ic.gov/", "https://ssm.us-isof-south-1.csp.hci.ic.gov/"
        },
        {
            "aws-eusc regions use amazonaws.eu",
            new() { ["AWS_REGION"] = "eusc-de-east-1" },
            "eusc-de-east-1", "https://lambda.eusc-de-east-1.amazonaws.eu/", "https://tagging.eusc-de-east-1.amazonaws.eu/", "https://ssm.eusc-de-east-1.amazonaws.eu/"
        },
        {
            "AWS_ENDPOINT_URL applies to every service",
            new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000" },
            "us-east-1", "http://127.0.0.1:5000/", "http://127.0.0.1:5000/", "http://127.0.0.1:5000/"
        },
        {
            "Per-service variables win over AWS_ENDPOINT_URL",
            new()
            {
                ["AWS_REGION"] = "us-east-1",
                ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000",
                ["AWS_ENDPOINT_URL_LAMBDA"] = "http://127.0.0.1:5001",
                ["AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API"] = "http://127.0.0.1:5002",
                ["AWS_ENDPOINT_URL_SSM"] = "http://127.0.0.1:5003",
            },
            "us-east-1", "http://127.0.0.1:5001/", "http://127.0.0.1:5002/", "http://127.0.0.1:5003/"
        },
        {
            "A per-service variable alone overrides only its service",
            new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_SSM"] = "http://localhost:4566" },
            "us-east-1", "https://lambda.us-east-1.amazonaws.com/", "https://tagging.us-east-1.amazonaws.com/", "http://localhost:4566/"
        },
        {
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS disables every override",
            new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:5000", ["AWS_ENDPOINT_URL_SSM"] = "http://127.0.0.1:5003", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true" },
            "us-east-1", "https://lambda.us-east-1.amazonaws.com/", "https://tagging.us-east-1.amazonaws.com/", "https://ssm.us-east-1.amazonaws.com/"
        },
        {
            "Blank values count as unset",
            new() { ["AWS_REGION"] = " ", ["AWS_DEFAULT_REGION"] = "ap-south-1", ["AWS_ENDPOINT_URL"] = "" },
            "ap-south-1", "https://lambda.ap-south-1.amazonaws.com/", "https://tagging.ap-south-1.amazonaws.com/", "https://ssm.ap-south-1.amazonaws.com/"
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolve_Environment_ReturnsEndpoints(
        string caseName, Dictionary<string, string> environment, string region, string lambda, string tagging, string ssm)
    {
        var endpoints = AwsEndpoints.Resolve(name => environment.GetValueOrDefault(name));

        Assert.True(endpoints.Region == region, caseName);
        Assert.Equal(lambda, endpoints.Lambda.AbsoluteUri);
        Assert.Equal(tagging, endpoints.Tagging.AbsoluteUri);
        Assert.Equal(ssm, endpoints.Ssm.AbsoluteUri);
    }

    public static TheoryData<string, Dictionary<string, string>, string> Errors => new()
    {
        { "No region at all", new(), "AWS_REGION" },
        { "A region that is not a region name", new() { ["AWS_REGION"] = "US East" }, "AWS_REGION" },
        { "A relative endpoint URL", new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL"] = "localhost:5000" }, "AWS_ENDPOINT_URL" },
        { "A non-http endpoint URL", new() { ["AWS_REGION"] = "us-east-1", ["AWS_ENDPOINT_URL_LAMBDA"] = "ftp://127.0.0.1" }, "AWS_ENDPOINT_URL_LAMBDA" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Resolve_BadEnvironment_ThrowsNamingTheVariable(string caseName, Dictionary<string, string> environment, string variable)
    {
        var exception = Assert.Throws<AwsConfigurationException>(() => AwsEndpoints.Resolve(name => environment.GetValueOrDefault(name)));

        Assert.True(exception.Message.Contains(variable, StringComparison.Ordinal), $"{caseName}: {exception.Message}");
    }
}
