using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>The config entry kinds the registrator models, by Consul's kind name; any other kind is read as a <see cref="RawBody"/>.</summary>
public static class ConfigEntryKinds
{
    private static readonly Dictionary<string, Func<IReadOnlyDictionary<string, JsonElement>, ConfigEntryBody>> Readers =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [ServiceDefaults.KindName] = ServiceDefaults.Read,
            [TerminatingGateway.KindName] = TerminatingGateway.Read,
            [ExportedServices.KindName] = ExportedServices.Read,
        };

    /// <summary>The typed body of a <paramref name="kind"/> entry read from Consul (its fields other than Kind, Name, Partition, Namespace, Meta and the indexes).</summary>
    public static ConfigEntryBody Read(string kind, IReadOnlyDictionary<string, JsonElement> fields)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(fields);
        return Readers.TryGetValue(kind, out var read) ? read(fields) : new RawBody(kind, fields);
    }
}
