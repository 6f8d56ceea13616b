using System.Text.Json;
using LambdaRegistrator.Consul.Http;

namespace LambdaRegistrator.Consul.ConfigEntries;

/// <summary>One entry of <c>EnvoyExtensions</c>: a built-in extension name and its free-form arguments.</summary>
public sealed record EnvoyExtension
{
    /// <summary>Name of Consul's AWS Lambda extension.</summary>
    public const string AwsLambdaName = "builtin/aws/lambda";

    /// <summary>Extension name, e.g. <see cref="AwsLambdaName"/>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Fail the proxy configuration when the extension cannot be applied.</summary>
    public bool Required { get; init; }

    /// <summary>The extension's arguments as raw JSON values (null in JSON reads as empty; omitted when empty).</summary>
    public IReadOnlyDictionary<string, JsonElement> Arguments { get; init => field = value ?? EmptyArguments; } = EmptyArguments;

    /// <summary>Consul version constraint; sent only when set.</summary>
    public string? ConsulVersion { get; init; }

    /// <summary>Envoy version constraint; sent only when set.</summary>
    public string? EnvoyVersion { get; init; }

    private static readonly IReadOnlyDictionary<string, JsonElement> EmptyArguments = new Dictionary<string, JsonElement>();

    /// <summary>The <c>builtin/aws/lambda</c> extension with the argument names Consul's extension decodes (<c>arn</c>, <c>payloadPassthrough</c>, <c>invocationMode</c>).</summary>
    /// <param name="arn">The function or alias ARN to invoke.</param>
    /// <param name="payloadPassthrough">Pass the request body unchanged instead of wrapping it in JSON.</param>
    /// <param name="invocationMode"><c>synchronous</c> or <c>asynchronous</c>. Why: Consul's extension only recognises lower case, so the value is lower-cased.</param>
    public static EnvoyExtension AwsLambda(string arn, bool payloadPassthrough, string invocationMode)
    {
        ArgumentException.ThrowIfNullOrEmpty(arn);
        ArgumentException.ThrowIfNullOrEmpty(invocationMode);
        return new EnvoyExtension
        {
            Name = AwsLambdaName,
            Required = false,
            Arguments = new Dictionary<string, JsonElement>
            {
                ["arn"] = JsonSerializer.SerializeToElement(arn, ConsulJsonContext.Default.String),
                ["payloadPassthrough"] = JsonSerializer.SerializeToElement(payloadPassthrough, ConsulJsonContext.Default.Boolean),
                ["invocationMode"] = JsonSerializer.SerializeToElement(invocationMode.ToLowerInvariant(), ConsulJsonContext.Default.String),
            },
        };
    }
}
