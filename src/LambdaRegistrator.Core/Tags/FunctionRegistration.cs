namespace LambdaRegistrator.Core.Tags;

/// <summary>What an enabled function's tags ask for; null placement values mean "not tagged" (the planner applies defaults).</summary>
/// <param name="PayloadPassthrough">Envoy passes the body unchanged.</param>
/// <param name="InvocationMode">How Envoy invokes the function.</param>
/// <param name="Datacenter">The datacenter tag, trimmed; null when absent or empty.</param>
/// <param name="Partition">The partition tag (Enterprise); null when absent or empty.</param>
/// <param name="Namespace">The namespace tag (Enterprise); null when absent or empty.</param>
/// <param name="Aliases">Alias names, trimmed, without empty or duplicate entries, in tag order.</param>
public sealed record FunctionRegistration(
    bool PayloadPassthrough,
    InvocationMode InvocationMode,
    string? Datacenter,
    string? Partition,
    string? Namespace,
    IReadOnlyList<string> Aliases);
