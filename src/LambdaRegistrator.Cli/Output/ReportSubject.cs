using System.Text.Json.Serialization;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Cli.Output;

/// <summary>
/// What an entry of <see cref="ReportDocument"/> concerns: the service and its scope, and the function. Shared by
/// <see cref="ReportAction"/> and <see cref="ReportProblem"/>, so both name a service the same way.
/// </summary>
internal abstract record ReportSubject
{
    /// <summary>Consul service name (also its ID and its service-defaults name); omitted for a problem about a function only.</summary>
    [JsonPropertyName("service")]
    [JsonPropertyOrder(1)]
    public string? Service { get; init; }

    /// <summary>Datacenter; omitted for the agent's.</summary>
    [JsonPropertyName("datacenter")]
    [JsonPropertyOrder(2)]
    public string? Datacenter { get; init; }

    /// <summary>Admin partition (Enterprise); omitted on Community Edition.</summary>
    [JsonPropertyName("partition")]
    [JsonPropertyOrder(3)]
    public string? Partition { get; init; }

    /// <summary>Namespace (Enterprise); omitted on Community Edition.</summary>
    [JsonPropertyName("namespace")]
    [JsonPropertyOrder(4)]
    public string? Namespace { get; init; }

    /// <summary>The function's unqualified ARN, when known.</summary>
    [JsonPropertyName("function")]
    [JsonPropertyOrder(5)]
    public string? Function { get; init; }

    /// <summary>Sets the subject fields from a plan's service key and function.</summary>
    protected ReportSubject(ServiceKey? service, LambdaArn? function)
    {
        Service = service?.Name;
        Datacenter = service?.Datacenter;
        Partition = service?.Partition;
        Namespace = service?.Namespace;
        Function = function?.ToString();
    }
}
