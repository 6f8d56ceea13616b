namespace LambdaRegistrator.Core.Planning;

/// <summary>The fields of a <c>service-defaults</c> config entry this registrator writes and compares (Kind is implied).</summary>
/// <param name="Name">Service name.</param>
/// <param name="Protocol">Protocol; <c>http</c> for Lambda services. Null or empty when unset.</param>
/// <param name="Meta">Entry meta (ownership, and the legacy serverless-plugin keys in legacy-meta format).</param>
/// <param name="EnvoyExtensions">Envoy extensions; empty in legacy-meta format.</param>
public sealed record ServiceDefaultsEntry(
    string Name,
    string? Protocol,
    IReadOnlyDictionary<string, string> Meta,
    IReadOnlyList<EnvoyExtension> EnvoyExtensions)
{
    /// <summary>The config entry kind.</summary>
    public const string Kind = "service-defaults";

    /// <summary>The Lambda ARN the entry invokes: the aws/lambda extension's <c>arn</c> argument (any case) or the legacy meta key; null when it names none.</summary>
    public string? InvokedArn
    {
        get
        {
            foreach (var extension in EnvoyExtensions)
            {
                if (!string.Equals(extension.Name, EnvoyExtension.AwsLambda, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var (name, value) in extension.Arguments)
                {
                    if (string.Equals(name, "arn", StringComparison.OrdinalIgnoreCase) && value.ValueKind == System.Text.Json.JsonValueKind.String)
                    {
                        return value.GetString();
                    }
                }
            }

            return Meta.TryGetValue(LegacyServiceDefaultsMeta.Arn, out var legacy) ? legacy : null;
        }
    }
}
