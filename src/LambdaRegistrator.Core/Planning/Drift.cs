using System.Text;
using LambdaRegistrator.Core.ConfigEntries;

namespace LambdaRegistrator.Core.Planning;

/// <summary>What differs between an object found in Consul and the one a sync would write, one readable phrase per difference (empty = in sync).</summary>
internal static class Drift
{
    /// <summary>Differences of a config entry of any kind: its kind's modelled fields, then its meta.</summary>
    public static List<string> Of(ConfigEntry actual, ConfigEntry wanted)
    {
        var drift = new List<string>(wanted.Body.DriftFrom(actual.Body));
        if (Meta(actual.Meta, wanted.Meta) is { } metaDrift)
        {
            drift.Add($"{wanted.Kind} Meta {metaDrift}");
        }

        return drift;
    }

    /// <summary>Differences of a catalog service: name, tags (in order) and meta.</summary>
    public static List<string> Of(CatalogService actual, CatalogService wanted)
    {
        var drift = new List<string>();
        if (!string.Equals(actual.Name, wanted.Name, StringComparison.Ordinal))
        {
            drift.Add($"name \"{actual.Name}\" -> \"{wanted.Name}\"");
        }

        if (!actual.Tags.SequenceEqual(wanted.Tags, StringComparer.Ordinal))
        {
            drift.Add($"Tags [{string.Join(",", actual.Tags)}] -> [{string.Join(",", wanted.Tags)}]");
        }

        if (Meta(actual.Meta, wanted.Meta) is { } metaDrift)
        {
            drift.Add("Meta " + metaDrift);
        }

        return drift;
    }

    /// <summary>Differences of two meta maps in one phrase (<c>key missing, key "a" -&gt; "b", key unexpected</c>); null when equal.</summary>
    public static string? Meta(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> wanted)
    {
        StringBuilder? text = null;
        foreach (var (key, value) in wanted)
        {
            if (!actual.TryGetValue(key, out var current))
            {
                Append(ref text, $"{key} missing");
            }
            else if (!string.Equals(current, value, StringComparison.Ordinal))
            {
                Append(ref text, $"{key} \"{Short(current)}\" -> \"{value}\"");
            }
        }

        foreach (var key in actual.Keys)
        {
            if (!wanted.ContainsKey(key))
            {
                Append(ref text, $"{key} unexpected");
            }
        }

        return text?.ToString();

        static void Append(ref StringBuilder? builder, string part)
        {
            if (builder is null)
            {
                builder = new StringBuilder(part);
            }
            else
            {
                builder.Append(", ").Append(part);
            }
        }
    }

    /// <summary>At most 120 characters of a value Consul returned (untrusted, possibly huge).</summary>
    public static string Short(string value) => value.Length <= 120 ? value : string.Concat(value.AsSpan(0, 120), "...");
}
