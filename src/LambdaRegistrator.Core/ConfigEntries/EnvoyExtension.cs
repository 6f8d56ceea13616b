using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>One entry of a service-defaults <c>EnvoyExtensions</c> list; arguments are raw JSON values as Consul stores them.</summary>
/// <param name="Name">Extension name, e.g. <c>builtin/aws/lambda</c>.</param>
/// <param name="Required">Whether Envoy configuration fails when the extension cannot be applied.</param>
/// <param name="Arguments">Argument name to JSON value.</param>
public sealed record EnvoyExtension(string Name, bool Required, IReadOnlyDictionary<string, JsonElement> Arguments)
{
    /// <summary>Consul's name of the AWS Lambda extension.</summary>
    public const string AwsLambda = "builtin/aws/lambda";
}
