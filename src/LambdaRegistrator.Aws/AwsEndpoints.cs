using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Aws;

/// <summary>The region and the endpoint of each AWS service the registrator calls.</summary>
/// <param name="Region">The signing region, e.g. <c>us-east-1</c>.</param>
/// <param name="Lambda">The Lambda control-plane endpoint.</param>
/// <param name="Tagging">The Resource Groups Tagging API endpoint.</param>
/// <param name="Ssm">The SSM Parameter Store endpoint.</param>
public sealed record AwsEndpoints(string Region, Uri Lambda, Uri Tagging, Uri Ssm)
{
    /// <summary>The endpoint override for STS; wins over <see cref="EndpointUrlVariable"/>.</summary>
    public const string StsEndpointUrlVariable = "AWS_ENDPOINT_URL_STS";

    /// <summary>The STS endpoint (the regional one, as the AWS SDKs use by default): GetCallerIdentity and AssumeRole.</summary>
    public Uri Sts { get; init; } = Default("sts", Region);

    /// <summary>The variable that names the region (the Lambda runtime always sets it).</summary>
    public const string RegionVariable = "AWS_REGION";

    /// <summary>The fallback region variable used by the AWS CLI and SDKs.</summary>
    public const string DefaultRegionVariable = "AWS_DEFAULT_REGION";

    /// <summary>The endpoint override for every service.</summary>
    public const string EndpointUrlVariable = "AWS_ENDPOINT_URL";

    /// <summary>The endpoint override for Lambda; wins over <see cref="EndpointUrlVariable"/>.</summary>
    public const string LambdaEndpointUrlVariable = "AWS_ENDPOINT_URL_LAMBDA";

    /// <summary>The endpoint override for SSM; wins over <see cref="EndpointUrlVariable"/>.</summary>
    public const string SsmEndpointUrlVariable = "AWS_ENDPOINT_URL_SSM";

    /// <summary>The endpoint override for the Resource Groups Tagging API; wins over <see cref="EndpointUrlVariable"/>.</summary>
    public const string TaggingEndpointUrlVariable = "AWS_ENDPOINT_URL_RESOURCE_GROUPS_TAGGING_API";

    /// <summary>When <c>true</c>, every endpoint override is ignored (the AWS SDKs' standard switch).</summary>
    public const string IgnoreConfiguredEndpointUrlsVariable = "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS";

    /// <summary>
    /// Resolves the region and endpoints from the environment: a per-service <c>AWS_ENDPOINT_URL_*</c> wins over
    /// <c>AWS_ENDPOINT_URL</c>, which wins over <c>https://&lt;service&gt;.&lt;region&gt;.&lt;dns suffix&gt;</c>.
    /// </summary>
    /// <exception cref="AwsConfigurationException">The region is missing or an endpoint URL is not an absolute http(s) URL.</exception>
    public static AwsEndpoints Resolve(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var region = NonEmpty(environment(RegionVariable)) ?? NonEmpty(environment(DefaultRegionVariable));
        if (region is null)
        {
            throw new AwsConfigurationException(
                $"No AWS region is configured: set {RegionVariable} (or {DefaultRegionVariable}) to the region of the Lambda functions, e.g. us-east-1.");
        }

        if (!IsRegionName(region))
        {
            throw new AwsConfigurationException(
                $"{RegionVariable} is '{region}', which is not a region name: set it to a value such as us-east-1.");
        }

        var ignoreOverrides = string.Equals(NonEmpty(environment(IgnoreConfiguredEndpointUrlsVariable)), "true", StringComparison.OrdinalIgnoreCase);
        var shared = ignoreOverrides ? null : Override(environment, EndpointUrlVariable);
        return new AwsEndpoints(
            region,
            (ignoreOverrides ? null : Override(environment, LambdaEndpointUrlVariable)) ?? shared ?? Default("lambda", region),
            (ignoreOverrides ? null : Override(environment, TaggingEndpointUrlVariable)) ?? shared ?? Default("tagging", region),
            (ignoreOverrides ? null : Override(environment, SsmEndpointUrlVariable)) ?? shared ?? Default("ssm", region))
        {
            Sts = (ignoreOverrides ? null : Override(environment, StsEndpointUrlVariable)) ?? shared ?? Default("sts", region),
        };
    }

    /// <summary>
    /// The DNS suffix of the region's partition, from the partition table every ARN check uses: <c>amazonaws.com</c>,
    /// <c>amazonaws.com.cn</c> (China), <c>c2s.ic.gov</c> (aws-iso), <c>sc2s.sgov.gov</c> (aws-iso-b),
    /// <c>cloud.adc-e.uk</c> (aws-iso-e), <c>csp.hci.ic.gov</c> (aws-iso-f), <c>amazonaws.eu</c> (aws-eusc).
    /// </summary>
    public static string DnsSuffix(string region) => LambdaNames.DnsSuffixForRegion(region);

    private static Uri Default(string endpointPrefix, string region) =>
        new($"https://{endpointPrefix}.{region}.{DnsSuffix(region)}");

    private static Uri? Override(Func<string, string?> environment, string variable)
    {
        var value = NonEmpty(environment(variable));
        if (value is null)
        {
            return null;
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new AwsConfigurationException(
                $"{variable} is '{value}', which is not an absolute http(s) URL: set it to e.g. http://127.0.0.1:5000 or unset it to use AWS.");
        }

        return uri;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsRegionName(string region) =>
        region.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-') && region.Contains('-', StringComparison.Ordinal);
}
