using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.Core.Planning;

/// <summary>What differs between an object found in Consul and the one a sync would write, one readable phrase per difference (empty = in sync).</summary>
internal static class Drift
{
    /// <summary>Differences of a service-defaults entry: protocol, meta, and the envoy extensions with their arguments (compared by JSON value).</summary>
    public static List<string> Of(ServiceDefaultsEntry actual, ServiceDefaultsEntry wanted)
    {
        var drift = new List<string>();
        if (!string.Equals(actual.Protocol ?? string.Empty, wanted.Protocol ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            drift.Add($"service-defaults Protocol \"{actual.Protocol}\" -> \"{wanted.Protocol}\"");
        }

        if (Meta(actual.Meta, wanted.Meta) is { } metaDrift)
        {
            drift.Add("service-defaults Meta " + metaDrift);
        }

        if (actual.EnvoyExtensions.Count != wanted.EnvoyExtensions.Count)
        {
            drift.Add($"service-defaults EnvoyExtensions count {actual.EnvoyExtensions.Count} -> {wanted.EnvoyExtensions.Count}");
            return drift;
        }

        for (var i = 0; i < wanted.EnvoyExtensions.Count; i++)
        {
            var a = actual.EnvoyExtensions[i];
            var w = wanted.EnvoyExtensions[i];
            if (!string.Equals(a.Name, w.Name, StringComparison.Ordinal) || a.Required != w.Required)
            {
                drift.Add($"service-defaults EnvoyExtensions[{i}] {a.Name} (Required={a.Required}) -> {w.Name} (Required={w.Required})");
            }

            foreach (var (name, value) in w.Arguments)
            {
                if (!a.Arguments.TryGetValue(name, out var current))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} missing");
                }
                else if (!JsonElement.DeepEquals(current, value))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} {Short(current.GetRawText())} -> {value.GetRawText()}");
                }
            }

            foreach (var name in a.Arguments.Keys)
            {
                if (!w.Arguments.ContainsKey(name))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} unexpected");
                }
            }
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
