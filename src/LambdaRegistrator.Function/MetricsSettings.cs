using LambdaRegistrator.Metrics;

namespace LambdaRegistrator.Function;

/// <summary>Whether and where the function writes its per-invocation metric record (<c>METRICS_ENABLED</c>, <c>METRICS_NAMESPACE</c>).</summary>
/// <param name="Enabled">True unless <c>METRICS_ENABLED=false</c>.</param>
/// <param name="Namespace">The CloudWatch namespace; default <see cref="MetricRecord.DefaultNamespace"/>.</param>
internal sealed record MetricsSettings(bool Enabled, string Namespace)
{
    public const string EnabledVariable = "METRICS_ENABLED";

    public const string NamespaceVariable = "METRICS_NAMESPACE";

    /// <summary>Reads both variables; each invalid one adds a sentence naming it and the accepted values to <paramref name="errors"/>.</summary>
    public static MetricsSettings Read(Func<string, string?> environment, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(errors);
        var enabled = true;
        var flag = environment(EnabledVariable)?.Trim();
        if (!string.IsNullOrEmpty(flag))
        {
            if (bool.TryParse(flag, out var parsed))
            {
                enabled = parsed;
            }
            else
            {
                errors.Add($"{EnabledVariable}=\"{flag}\" is not valid; allowed: true or false (default true).");
            }
        }

        var name = environment(NamespaceVariable);
        if (string.IsNullOrEmpty(name))
        {
            name = MetricRecord.DefaultNamespace;
        }
        else if (MetricRecord.ValidateNamespace(name) is { } problem)
        {
            errors.Add($"{NamespaceVariable}=\"{name}\" is not valid: {problem}; unset it for the default {MetricRecord.DefaultNamespace}.");
        }

        return new MetricsSettings(enabled, name);
    }
}
