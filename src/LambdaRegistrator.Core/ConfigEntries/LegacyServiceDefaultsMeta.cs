using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>Meta keys of the Consul 1.12-1.14 serverless plugin (<c>agent/xds/serverlessplugin</c>), used by the legacy-meta format.</summary>
internal static class LegacyServiceDefaultsMeta
{
    /// <summary><c>"true"</c> turns the plugin on for the service.</summary>
    public const string Enabled = LambdaTags.Prefix + "enabled";

    /// <summary>The (qualified) function ARN to invoke.</summary>
    public const string Arn = LambdaTags.Prefix + "arn";

    /// <summary><c>"true"</c>/<c>"false"</c>.</summary>
    public const string PayloadPassthrough = LambdaTags.Prefix + "payload-passthrough";

    /// <summary>The function's region (required by the plugin).</summary>
    public const string Region = LambdaTags.Prefix + "region";

    /// <summary><c>"synchronous"</c>/<c>"asynchronous"</c>: the plugin only recognises lower-case <c>asynchronous</c>.</summary>
    public const string InvocationMode = LambdaTags.Prefix + "invocation-mode";
}
