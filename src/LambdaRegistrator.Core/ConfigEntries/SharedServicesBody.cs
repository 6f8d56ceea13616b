using System.Text.Json;

namespace LambdaRegistrator.Core.ConfigEntries;

/// <summary>
/// The body of an entry whose <c>Services</c> list is shared by several owners (terminating-gateway, exported-services).
/// The registrator changes only the items of services it owns (<see cref="Apply"/>); every other item keeps its place
/// and its exact JSON, and every other field of the entry stays in <see cref="ConfigEntryBody.Unknown"/>.
/// </summary>
public abstract record SharedServicesBody : ConfigEntryBody
{
    /// <summary>The list field every shared kind has.</summary>
    protected const string ServicesField = "Services";

    /// <summary>The items, in Consul's order.</summary>
    public IReadOnlyList<SharedItem> Services { get; init; } = [];

    /// <summary>
    /// Ensures <paramref name="present"/> (an item for the same service that is not <see cref="InSync"/> is replaced in
    /// place, a missing one is appended) and removes every item naming a service of <paramref name="absent"/>. Returns
    /// null when nothing changes. Items of other services are never removed, reordered or rewritten.
    /// </summary>
    public SharedServicesBody? Apply(IReadOnlyList<SharedItem> present, IReadOnlyList<SharedItem> absent)
    {
        ArgumentNullException.ThrowIfNull(present);
        ArgumentNullException.ThrowIfNull(absent);
        var items = new List<SharedItem>(Services.Count + present.Count);
        var changed = false;
        foreach (var item in Services)
        {
            if (absent.Any(a => a.SameServiceAs(item)))
            {
                changed = true;
                continue;
            }

            items.Add(item);
        }

        foreach (var wanted in present)
        {
            var index = items.FindIndex(i => i.SameServiceAs(wanted));
            if (index < 0)
            {
                items.Add(wanted);
                changed = true;
            }
            else if (!InSync(items[index], wanted))
            {
                items[index] = wanted;
                changed = true;
            }
        }

        return changed ? WithServices(items) : null;
    }

    /// <summary>The item of a service, when the entry lists it.</summary>
    public SharedItem? Find(SharedItem service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Services.FirstOrDefault(i => i.SameServiceAs(service));
    }

    /// <summary>True when <paramref name="found"/>, the entry's item for a service, already says what <paramref name="wanted"/> says.</summary>
    public abstract bool InSync(SharedItem found, SharedItem wanted);

    /// <summary>A copy with <paramref name="services"/> as the list, every other field kept.</summary>
    public abstract SharedServicesBody WithServices(IReadOnlyList<SharedItem> services);

    /// <inheritdoc />
    public override IReadOnlyList<string> DriftFrom(ConfigEntryBody actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        if (actual is not SharedServicesBody found || !string.Equals(found.Kind, Kind, StringComparison.OrdinalIgnoreCase))
        {
            return [$"{Kind} body of kind {actual.Kind}"];
        }

        var drift = new List<string>();
        foreach (var wanted in Services)
        {
            var item = found.Find(wanted);
            if (item is null)
            {
                drift.Add($"{Kind} Services lacks {wanted}");
            }
            else if (!InSync(item, wanted))
            {
                drift.Add($"{Kind} Services item {wanted} differs");
            }
        }

        return drift;
    }

    /// <summary>Reads the <c>Services</c> list of an entry's fields.</summary>
    protected static IReadOnlyList<SharedItem> ReadServices(IReadOnlyDictionary<string, JsonElement> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!JsonFields.TryGet(fields, ServicesField, out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        return [.. list.EnumerateArray().Select(SharedItem.Read)];
    }

    /// <inheritdoc />
    protected override void WriteModelled(Dictionary<string, JsonElement> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);

        // Why: a field read under another spelling (services, SERVICES) would otherwise be sent twice.
        foreach (var key in fields.Keys.Where(k => string.Equals(k, ServicesField, StringComparison.OrdinalIgnoreCase)).ToList())
        {
            fields.Remove(key);
        }

        if (Services.Count == 0)
        {
            return;
        }

        fields[ServicesField] = JsonFields.Build(writer =>
        {
            writer.WriteStartArray();
            foreach (var item in Services)
            {
                item.Value.WriteTo(writer);
            }

            writer.WriteEndArray();
        });
    }
}
