using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>A Consul config entry of any kind: its name, meta (ownership lives there) and typed body. Where it lives is not part of it (see <see cref="ConfigEntryKey"/>).</summary>
/// <param name="Name">The entry name (for service-defaults: the service name).</param>
/// <param name="Meta">Entry meta.</param>
/// <param name="Body">The kind-specific fields.</param>
public sealed record ConfigEntry(string Name, IReadOnlyDictionary<string, string> Meta, ConfigEntryBody Body)
{
    /// <summary>The entry name.</summary>
    public string Name { get; init; } = !string.IsNullOrEmpty(Name) ? Name : throw new ArgumentException("A config entry needs a name.", nameof(Name));

    /// <summary>Entry meta.</summary>
    public IReadOnlyDictionary<string, string> Meta { get; init; } = Meta ?? throw new ArgumentNullException(nameof(Meta));

    /// <summary>The kind-specific fields.</summary>
    public ConfigEntryBody Body { get; init; } = Body ?? throw new ArgumentNullException(nameof(Body));

    /// <summary>Consul's kind name.</summary>
    public string Kind => Body.Kind;

    /// <summary>The Lambda ARN the entry invokes, when its kind names one; null otherwise.</summary>
    public string? InvokedArn => Body.InvokedArn(Meta);

    /// <summary>The key of this entry in <paramref name="scope"/>.</summary>
    public ConfigEntryKey KeyIn(ConsulScope scope) => new(Kind, scope, Name);

    /// <summary>How messages name it: <c>service-defaults "orders"</c>.</summary>
    public override string ToString() => $"{Kind} \"{Name}\"";
}
