using System.Text.Json;
using System.Text.Json.Nodes;

namespace LambdaRegistrator.ConsulSimulator.State;

/// <summary>Deep equality for the small maps and lists the catalog stores (null differs from empty, like Go's DeepEqual).</summary>
internal static class MapEquality
{
    public static bool Equal<TValue>(IReadOnlyDictionary<string, TValue>? a, IReadOnlyDictionary<string, TValue>? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var (key, value) in a)
        {
            if (!b.TryGetValue(key, out var other) || !EqualityComparer<TValue>.Default.Equals(value, other))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Equal(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        return a.SequenceEqual(b, StringComparer.Ordinal);
    }

    public static bool Equal(JsonNode? a, JsonNode? b) => JsonNode.DeepEquals(a, b);

    public static string Canonical(JsonNode? node) => node is null ? "null" : node.ToJsonString(JsonSerializerOptions.Default);
}
