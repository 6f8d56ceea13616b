using System.Collections.ObjectModel;

namespace LambdaRegistrator.Consul.Catalog;

/// <summary>The shared empty string map that stands in for a JSON <c>null</c> map.</summary>
internal static class EmptyMap
{
    public static readonly IReadOnlyDictionary<string, string> Instance = ReadOnlyDictionary<string, string>.Empty;
}
