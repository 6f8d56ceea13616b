namespace LambdaRegistrator.Core.Tags;

/// <summary>The opt-in tag keys on a Lambda function (the tag table in README.md); keys are case-sensitive like AWS tag keys.</summary>
public static class LambdaTags
{
    /// <summary>Common prefix of every registrator tag.</summary>
    public const string Prefix = "serverless.consul.hashicorp.com/v1alpha1/lambda/";

    /// <summary><c>true</c>/<c>false</c>: register the function and its aliases.</summary>
    public const string Enabled = Prefix + "enabled";

    /// <summary><c>true</c>/<c>false</c>: Envoy passes the body unchanged.</summary>
    public const string PayloadPassthrough = Prefix + "payload-passthrough";

    /// <summary><c>SYNCHRONOUS</c>/<c>ASYNCHRONOUS</c>.</summary>
    public const string InvocationMode = Prefix + "invocation-mode";

    /// <summary>Consul datacenter to register in.</summary>
    public const string Datacenter = Prefix + "datacenter";

    /// <summary>Admin partition (Enterprise).</summary>
    public const string Partition = Prefix + "partition";

    /// <summary>Namespace (Enterprise).</summary>
    public const string Namespace = Prefix + "namespace";

    /// <summary><c>+</c>-separated alias names, one extra service each.</summary>
    public const string Aliases = Prefix + "aliases";

    /// <summary>Separator of alias names (<c>,</c> is not allowed in AWS tag values).</summary>
    public const char AliasSeparator = '+';
}
