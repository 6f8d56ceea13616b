using System.Text.Json.Serialization;

namespace LambdaRegistrator;

/// <summary>What a full sync of several sources did in one of them (the <c>sources</c> member of the summary).</summary>
public sealed record SourceSummary
{
    /// <summary>The source, <c>ACCOUNT/REGION</c>.</summary>
    [JsonPropertyName("source")]
    public required string Source { get; init; }

    /// <summary>The owner id its services carry in Consul.</summary>
    [JsonPropertyName("registratorId")]
    public required string RegistratorId { get; init; }

    /// <summary><c>succeeded</c>, <c>failed</c> or <c>deadline-reached</c>, as the summary's own outcome.</summary>
    [JsonPropertyName("outcome")]
    public required string Outcome { get; init; }

    /// <summary>True when its inventory could not be read completely, so nothing of it was deregistered.</summary>
    [JsonPropertyName("inventoryIncomplete")]
    public bool InventoryIncomplete { get; init; }

    /// <summary>Services registered (in a dry run: that would be).</summary>
    [JsonPropertyName("registered")]
    public int Registered { get; init; }

    /// <summary>Services updated.</summary>
    [JsonPropertyName("updated")]
    public int Updated { get; init; }

    /// <summary>Services deregistered.</summary>
    [JsonPropertyName("deregistered")]
    public int Deregistered { get; init; }

    /// <summary>Services already as wanted.</summary>
    [JsonPropertyName("unchanged")]
    public int Unchanged { get; init; }

    /// <summary>Its failed actions and errors; omitted when there are none.</summary>
    [JsonPropertyName("failures")]
    public IReadOnlyList<string>? Failures { get; init; }
}
