using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>A config entry of a kind the registrator does not model: every field is kept in <see cref="ConfigEntryBody.Unknown"/> and written back unchanged.</summary>
internal sealed record RawBody : ConfigEntryBody
{
    /// <summary>Creates the body of a <paramref name="kind"/> entry from its fields.</summary>
    public RawBody(string kind, IReadOnlyDictionary<string, JsonElement> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Kind = kind;
        Unknown = fields ?? throw new ArgumentNullException(nameof(fields));
    }

    /// <inheritdoc />
    public override string Kind { get; }

    /// <inheritdoc />
    public override IReadOnlyList<string> DriftFrom(ConfigEntryBody actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var drift = new List<string>();
        foreach (var (name, value) in Unknown)
        {
            if (!JsonFields.TryGet(actual.Unknown, name, out var current) || !JsonElement.DeepEquals(current, value))
            {
                drift.Add($"{Kind} {name} differs");
            }
        }

        return drift;
    }

    /// <inheritdoc />
    protected override void WriteModelled(Dictionary<string, JsonElement> fields)
    {
    }
}
