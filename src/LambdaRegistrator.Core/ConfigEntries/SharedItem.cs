using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// One item of the <c>Services</c> list of an entry several owners share (terminating-gateway, exported-services):
/// the service it names and the item exactly as Consul returned it (or as the registrator writes it). An item read
/// from Consul is written back byte for byte, so fields the registrator does not model (TLS files, SNI, consumers it
/// did not add) survive.
/// </summary>
/// <param name="Name">The service the item names.</param>
/// <param name="Namespace">Its namespace (Enterprise); null when the item names none (Community Edition, or the entry's own).</param>
/// <param name="Value">The item as a JSON object.</param>
public sealed record SharedItem(string Name, string? Namespace, JsonElement Value)
{
    /// <summary>True when this item names the service <paramref name="name"/> in <paramref name="namespace"/> (case-insensitively, like Consul's lookups; a missing namespace is <c>default</c>).</summary>
    public bool Names(string name, string? @namespace) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Namespace ?? "default", @namespace ?? "default", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when both items name the same service.</summary>
    public bool SameServiceAs(SharedItem other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Names(other.Name, other.Namespace);
    }

    /// <summary>Reads an item from Consul's JSON (a non-object or nameless item keeps an empty name and is never matched).</summary>
    public static SharedItem Read(JsonElement value)
    {
        var properties = JsonFields.Properties(value);
        var name = JsonFields.TryGet(properties, "Name", out var n) ? JsonFields.StringOf(n) ?? string.Empty : string.Empty;
        var ns = JsonFields.TryGet(properties, "Namespace", out var s) ? JsonFields.StringOf(s) : null;
        return new SharedItem(name, string.IsNullOrEmpty(ns) ? null : ns, value.Clone());
    }

    /// <summary>How messages name it: <c>orders</c> or <c>orders (ns=team)</c>.</summary>
    public override string ToString() => Namespace is null ? Name : $"{Name} (ns={Namespace})";
}
