using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// "Ensure these items are present, those absent" in an entry other owners share (the terminating-gateway entry's or
/// the exported-services entry's <c>Services</c>). Carried out as a check-and-set read-modify-write: read the entry,
/// <see cref="Merge"/>, <c>PUT ?cas=</c> with the read ModifyIndex; a lost race is read and merged again, never
/// overwritten. Nothing else in the entry changes, and the entry is never deleted.
/// </summary>
/// <param name="Key">Kind, scope and name of the shared entry.</param>
/// <param name="Present">Items to ensure (an item for the same service that differs is replaced in place).</param>
/// <param name="Absent">Services whose items are removed.</param>
/// <param name="CreateIfMissing">CREATE_GATEWAY_ENTRIES: create the entry when it does not exist.</param>
public sealed record UpdateSharedEntry(ConfigEntryKey Key, IReadOnlyList<SharedItem> Present, IReadOnlyList<SharedItem> Absent, bool CreateIfMissing) : PlanStep
{
    /// <summary>What to write given the entry as it is now (<paramref name="current"/> null when it does not exist).</summary>
    public SharedEntryMerge Merge(ConfigEntry? current)
    {
        if (current is null)
        {
            if (Present.Count == 0)
            {
                return SharedEntryMerge.Nothing;
            }

            if (!CreateIfMissing)
            {
                return new SharedEntryMerge(null, SharedEntries.MissingMessage(Key));
            }

            var empty = (SharedServicesBody)ConfigEntryKinds.Read(Key.Kind, JsonFields.None);
            var created = empty.Apply(Present, []) ?? empty;
            return new SharedEntryMerge(new ConfigEntry(Key.Name, new Dictionary<string, string>(StringComparer.Ordinal), created), null);
        }

        if (current.Body is not SharedServicesBody body)
        {
            return new SharedEntryMerge(null, $"{Key} could not be read as a {Key.Kind} entry; it is left as it is.");
        }

        return body.Apply(Present, Absent) is { } merged ? new SharedEntryMerge(current with { Body = merged }, null) : SharedEntryMerge.Nothing;
    }

    /// <summary>One line for plans: <c>add orders, orders-live to terminating-gateway "gw" (dc=dc1)</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(2);
        if (Present.Count > 0)
        {
            parts.Add("add " + string.Join(", ", Present) + " to");
        }

        if (Absent.Count > 0)
        {
            parts.Add((parts.Count > 0 ? "and remove " : "remove ") + string.Join(", ", Absent) + " from");
        }

        return $"{string.Join(' ', parts)} {Key}{(CreateIfMissing ? " (created if missing)" : string.Empty)}";
    }
}
