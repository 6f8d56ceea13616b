using System.Text.Json.Serialization;

namespace LambdaRegistrator.Cli.Output;

/// <summary>One reported problem in <see cref="ReportDocument"/>.</summary>
internal sealed record ReportProblem
{
    /// <summary>Kebab-case kind, e.g. <c>invalid-tags</c>, <c>name-collision</c>, <c>missing-alias</c>.</summary>
    [JsonPropertyName("kind")]
    public required string Kind { get; init; }

    /// <summary>The function concerned, when there is one.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; init; }

    /// <summary>The service concerned, when there is one.</summary>
    [JsonPropertyName("service")]
    public string? Service { get; init; }

    /// <summary>The service's datacenter, when set.</summary>
    [JsonPropertyName("datacenter")]
    public string? Datacenter { get; init; }

    /// <summary>The service's admin partition, when set.</summary>
    [JsonPropertyName("partition")]
    public string? Partition { get; init; }

    /// <summary>The service's namespace, when set.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>What is wrong and what to do.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }
}
