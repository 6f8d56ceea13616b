using System.Text.Json;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// An <c>exported-services</c> entry: one per admin partition, named after it (<c>default</c> on Community Edition).
/// Its <c>Services</c> list says which services are exported to which consumers (partitions, cluster peers, sameness
/// groups). The item of a Lambda service is in sync when its consumers are exactly the configured ones.
/// </summary>
public sealed record ExportedServices : SharedServicesBody
{
    /// <summary>Consul's kind name.</summary>
    public const string KindName = "exported-services";

    /// <summary>The only name Community Edition accepts (and the default partition's entry on Enterprise).</summary>
    public const string CommunityEditionName = "default";

    private const string ConsumersField = "Consumers";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>Reads the body from an entry's fields (see <see cref="ConfigEntryKinds.Read"/>).</summary>
    public static ExportedServices Read(IReadOnlyDictionary<string, JsonElement> fields) =>
        new() { Services = ReadServices(fields), Unknown = JsonFields.Except(fields, ServicesField) };

    /// <summary>The item exporting service <paramref name="name"/> (in <paramref name="namespace"/> on Enterprise) to <paramref name="consumers"/>.</summary>
    public static SharedItem Item(string name, string? @namespace, IReadOnlyList<ExportConsumer> consumers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(consumers);
        var value = JsonFields.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("Name", name);
            if (@namespace is not null)
            {
                writer.WriteString("Namespace", @namespace);
            }

            writer.WriteStartArray(ConsumersField);
            foreach (var consumer in consumers)
            {
                writer.WriteStartObject();
                writer.WriteString(consumer.ConsulField, consumer.Name);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        return new SharedItem(name, @namespace, value);
    }

    /// <summary>The consumers an item names, as <c>Field:name</c> (case-insensitive set semantics; empty fields ignored).</summary>
    public static IReadOnlySet<string> ConsumersOf(SharedItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var properties = JsonFields.Properties(item.Value);
        if (!JsonFields.TryGet(properties, ConsumersField, out var consumers) || consumers.ValueKind != JsonValueKind.Array)
        {
            return set;
        }

        foreach (var consumer in consumers.EnumerateArray())
        {
            foreach (var (field, value) in JsonFields.Properties(consumer))
            {
                if (JsonFields.StringOf(value) is { Length: > 0 } name)
                {
                    set.Add(Normalize(field) + ":" + name);
                }
            }
        }

        return set;
    }

    /// <inheritdoc />
    public override bool InSync(SharedItem found, SharedItem wanted) => ConsumersOf(found).SetEquals(ConsumersOf(wanted));

    /// <inheritdoc />
    public override SharedServicesBody WithServices(IReadOnlyList<SharedItem> services) => this with { Services = services };

    // Consul decodes the snake_case aliases too (peer_name, sameness_group).
    private static string Normalize(string field) => field.ToUpperInvariant() switch
    {
        "PEER" or "PEER_NAME" or "PEERNAME" => "Peer",
        "SAMENESSGROUP" or "SAMENESS_GROUP" => "SamenessGroup",
        _ => field,
    };
}
