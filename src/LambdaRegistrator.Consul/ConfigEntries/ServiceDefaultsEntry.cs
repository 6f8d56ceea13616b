using System.Text.Json.Serialization;
using LambdaRegistrator.Consul.Catalog;

namespace LambdaRegistrator.Consul.ConfigEntries;

/// <summary>A <c>service-defaults</c> config entry, limited to the fields the registrator writes; any other field Consul returns is ignored.</summary>
/// <remarks>Why: <c>Hash</c> and the always-emitted empty structs (<c>TransparentProxy</c>, <c>MeshGateway</c>, <c>Expose</c>) are not modelled; the registrator only writes entries it owns.</remarks>
public sealed record ServiceDefaultsEntry
{
    /// <summary>The config entry kind this type represents.</summary>
    public const string KindName = "service-defaults";

    /// <summary>Always <c>service-defaults</c>.</summary>
    public string Kind { get; init; } = KindName;

    /// <summary>Service name the defaults apply to.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Enterprise admin partition; sent only when set.</summary>
    public string? Partition { get; init; }

    /// <summary>Enterprise namespace; sent only when set.</summary>
    public string? Namespace { get; init; }

    /// <summary>Protocol (<c>http</c>, <c>http2</c>, <c>grpc</c>, <c>tcp</c>); Consul lower-cases it and returns <c>""</c> when unset.</summary>
    public string? Protocol { get; init; }

    /// <summary>Entry metadata (null in JSON reads as empty; omitted when empty).</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init => field = value ?? EmptyMap.Instance; } = EmptyMap.Instance;

    /// <summary>Envoy extensions, e.g. <c>builtin/aws/lambda</c> (null in JSON reads as empty; omitted when empty).</summary>
    public IReadOnlyList<EnvoyExtension> EnvoyExtensions { get; init => field = value ?? []; } = [];

    /// <summary>Raft index at creation (read only; omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong CreateIndex { get; init; }

    /// <summary>Raft index of the last change: the value to pass as <c>cas</c> for a check-and-set update (omitted when 0).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ulong ModifyIndex { get; init; }
}
