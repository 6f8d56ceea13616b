namespace LambdaRegistrator.Core.Sources;

/// <summary>
/// One entry of <c>SOURCES</c> as configured, before the registrator's own account and region are known: how to reach
/// an account (its own credentials, or a role), which regions of it, and what its sources are called in Consul.
/// </summary>
public sealed record SourceDefinition
{
    /// <summary>Where the entry came from, for messages: <c>SOURCES[2]</c>, or the implicit source when SOURCES is unset.</summary>
    public required string Label { get; init; }

    /// <summary>The role to assume; null for the registrator's own credentials and account.</summary>
    public string? RoleArn { get; init; }

    /// <summary>The account of <see cref="RoleArn"/>; null without a role (the registrator's own account).</summary>
    public string? RoleAccountId { get; init; }

    /// <summary>The partition of <see cref="RoleArn"/>; null without a role.</summary>
    public string? RolePartition { get; init; }

    /// <summary>The regions; null for the registrator's own region.</summary>
    public IReadOnlyList<string>? Regions { get; init; }

    /// <summary>The <c>sts:ExternalId</c>; null when none.</summary>
    public string? ExternalId { get; init; }

    /// <summary>The owner id; null for <c>&lt;account&gt;/&lt;region&gt;</c>.</summary>
    public string? RegistratorId { get; init; }

    /// <summary>The entry's own include/exclude globs (the global ones are added on resolution).</summary>
    public FunctionNameFilter Filter { get; init; } = FunctionNameFilter.All;
}
