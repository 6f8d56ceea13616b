using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>Builds a function's tag dictionary from short opt-in tag names (<c>enabled</c>, <c>aliases</c>, ...).</summary>
internal static class TagSet
{
    public static Dictionary<string, string> Of(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => LambdaTags.Prefix + t.Key, t => t.Value, StringComparer.Ordinal);

    public static Dictionary<string, string> Enabled(params string[] aliases) =>
        aliases.Length == 0 ? Of(("enabled", "true")) : Of(("enabled", "true"), ("aliases", string.Join('+', aliases)));
}
