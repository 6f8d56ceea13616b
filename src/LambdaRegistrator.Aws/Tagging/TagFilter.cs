namespace LambdaRegistrator.Aws.Tagging;

/// <summary>A GetResources tag filter: the key must be present and, when <paramref name="Values"/> is not empty, hold one of them.</summary>
/// <param name="Key">The tag key.</param>
/// <param name="Values">Accepted values (ORed); empty accepts any value.</param>
public sealed record TagFilter(string Key, IReadOnlyList<string> Values);
