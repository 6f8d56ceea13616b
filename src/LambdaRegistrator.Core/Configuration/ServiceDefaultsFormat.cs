namespace LambdaRegistrator.Core.Configuration;

/// <summary>Shape of the <c>service-defaults</c> entry written for a Lambda service (<c>SERVICE_DEFAULTS_FORMAT</c>).</summary>
public enum ServiceDefaultsFormat
{
    /// <summary><c>envoy-extension</c>: the <c>builtin/aws/lambda</c> Envoy extension (Consul 1.15 and later).</summary>
    EnvoyExtension,

    /// <summary><c>legacy-meta</c>: the serverless-plugin <c>Meta</c> keys (Consul 1.12 to 1.14).</summary>
    LegacyMeta,
}
