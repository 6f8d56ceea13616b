using System.Text.RegularExpressions;

namespace LambdaRegistrator.ConsulSimulator.Catalog;

/// <summary>Consul's <c>ValidateServiceMetadata</c> (<c>agent/structs/structs.go</c>): 64 pairs, key charset and length, reserved <c>consul-</c> prefix, value length.</summary>
internal static partial class ServiceMetaValidator
{
    public const int MaxPairs = 64;
    public const int MaxKeyLength = 128;
    public const int MaxValueLength = 512;

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex KeyPattern();

    /// <summary>The error text, or null when the meta is valid.</summary>
    public static string? Validate(IReadOnlyDictionary<string, string>? meta, bool allowWanFederationKey)
    {
        if (meta is null)
        {
            return null;
        }

        // Why: the wording says "Node metadata" even for service meta, exactly like Consul.
        if (meta.Count > MaxPairs)
        {
            return $"Node metadata cannot contain more than {MaxPairs} key/value pairs";
        }

        foreach (var (key, value) in meta.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var problem = key.Length == 0 ? "Key cannot be blank"
                : !KeyPattern().IsMatch(key) ? "Key contains invalid characters"
                : key.Length > MaxKeyLength ? $"Key is too long (limit: {MaxKeyLength} characters)"
                : key.StartsWith("consul-", StringComparison.Ordinal) && !(allowWanFederationKey && key == "consul-wan-federation")
                    ? "Key prefix 'consul-' is reserved for internal use"
                : value.Length > MaxValueLength ? $"Value is too long (limit: {MaxValueLength} characters)"
                : null;
            if (problem is not null)
            {
                return $"Couldn't load metadata pair ('{key}', '{value}'): {problem}";
            }
        }

        return null;
    }
}
