using System.Text.Json.Serialization;

namespace LambdaRegistrator.Cli.Output;

/// <summary>One planned action in <see cref="ReportDocument"/>.</summary>
internal sealed record ReportAction
{
    /// <summary><c>register</c>, <c>update</c> or <c>deregister</c>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    /// <summary>Consul service name (also its ID and its service-defaults name).</summary>
    [JsonPropertyName("service")]
    public required string Service { get; init; }

    /// <summary>Datacenter; omitted for the agent's.</summary>
    [JsonPropertyName("datacenter")]
    public string? Datacenter { get; init; }

    /// <summary>Admin partition (Enterprise); omitted on Community Edition.</summary>
    [JsonPropertyName("partition")]
    public string? Partition { get; init; }

    /// <summary>Namespace (Enterprise); omitted on Community Edition.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; init; }

    /// <summary>The owning function's unqualified ARN, when known.</summary>
    [JsonPropertyName("function")]
    public string? Function { get; init; }

    /// <summary>Why, including what drifted.</summary>
    [JsonPropertyName("reason")]
    public required string Reason { get; init; }

    /// <summary><c>planned</c> (dry run), <c>done</c>, <c>failed</c> or <c>skipped</c>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    /// <summary>The changes to entries shared with other owners (terminating-gateway, exported-services), one sentence each; omitted when none.</summary>
    [JsonPropertyName("sharedEntries")]
    public IReadOnlyList<string>? SharedEntries { get; init; }

    /// <summary>For a failure, what went wrong and what to do; for a re-planned action, what changed.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }
}
