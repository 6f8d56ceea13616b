using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator;

/// <summary>Explicit settings for registering one function by hand (the CLI's <c>register</c>), instead of reading its tags.</summary>
/// <param name="PayloadPassthrough">Envoy passes the body unchanged.</param>
/// <param name="InvocationMode">How Envoy invokes the function.</param>
/// <param name="Datacenter">Consul datacenter; null for DATACENTER or the agent's.</param>
/// <param name="Partition">Admin partition (Enterprise); null for <c>default</c>.</param>
/// <param name="Namespace">Namespace (Enterprise); null for <c>default</c>.</param>
/// <param name="Aliases">Alias names to register as well; they are checked against AWS with ListAliases.</param>
public sealed record ManualRegistration(
    bool PayloadPassthrough = false,
    InvocationMode InvocationMode = InvocationMode.Synchronous,
    string? Datacenter = null,
    string? Partition = null,
    string? Namespace = null,
    IReadOnlyList<string>? Aliases = null)
{
    /// <summary>The same settings as the function tags the planner reads.</summary>
    public IReadOnlyDictionary<string, string> ToTags()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [LambdaTags.Enabled] = "true",
            [LambdaTags.PayloadPassthrough] = PayloadPassthrough ? "true" : "false",
            [LambdaTags.InvocationMode] = InvocationMode == InvocationMode.Asynchronous ? "ASYNCHRONOUS" : "SYNCHRONOUS",
        };
        if (!string.IsNullOrWhiteSpace(Datacenter))
        {
            tags[LambdaTags.Datacenter] = Datacenter;
        }

        if (!string.IsNullOrWhiteSpace(Partition))
        {
            tags[LambdaTags.Partition] = Partition;
        }

        if (!string.IsNullOrWhiteSpace(Namespace))
        {
            tags[LambdaTags.Namespace] = Namespace;
        }

        if (Aliases is { Count: > 0 })
        {
            tags[LambdaTags.Aliases] = string.Join(LambdaTags.AliasSeparator, Aliases);
        }

        return tags;
    }
}
