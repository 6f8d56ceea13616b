using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// The kind-specific part of a config entry (everything but Kind, Name, Partition, Namespace, Meta and the indexes).
/// Each kind models the fields the registrator reads or writes and keeps every other field in <see cref="Unknown"/>,
/// as Consul returned it, so that a read-modify-write of an entry other owners share preserves what it does not own.
/// A new kind is one file: a record deriving from this, plus one line in <see cref="ConfigEntryKinds"/>.
/// </summary>
public abstract record ConfigEntryBody
{
    /// <summary>Consul's kind name, e.g. <c>service-defaults</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Fields this kind does not model, as Consul returned them; written back unchanged.</summary>
    public IReadOnlyDictionary<string, JsonElement> Unknown { get; init; } = JsonFields.None;

    /// <summary>Every field to send: the modelled ones (omitted when empty, like Go's <c>omitempty</c>) and <see cref="Unknown"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> ToFields()
    {
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (name, value) in Unknown)
        {
            fields[name] = value;
        }

        WriteModelled(fields);
        return fields;
    }

    /// <summary>What differs from <paramref name="actual"/> in the modelled fields, one readable phrase each (empty = in sync). Unknown fields are not compared.</summary>
    public abstract IReadOnlyList<string> DriftFrom(ConfigEntryBody actual);

    /// <summary>The Lambda ARN an entry of this kind invokes, when the kind names one (the legacy format keeps it in <paramref name="meta"/>); null otherwise.</summary>
    public virtual string? InvokedArn(IReadOnlyDictionary<string, string> meta) => null;

    /// <summary>Adds the modelled fields to <paramref name="fields"/> (overriding an unknown field of the same name).</summary>
    protected abstract void WriteModelled(Dictionary<string, JsonElement> fields);
}
