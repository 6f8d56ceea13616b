using LambdaRegistrator.Consul.Catalog;

namespace LambdaRegistrator.Consul.Namespaces;

/// <summary>An Enterprise namespace, as listed by <c>GET /v1/namespaces</c>.</summary>
public sealed record ConsulNamespace
{
    /// <summary>Namespace name.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Free-form description.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>Admin partition holding the namespace.</summary>
    public string? Partition { get; init; }

    /// <summary>Metadata (null in JSON reads as empty).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Set when the namespace is being deleted.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>Raft index at creation.</summary>
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change.</summary>
    public ulong ModifyIndex { get; init; }
}
