using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Inventory;

namespace LambdaRegistrator;

/// <summary>One source's reading side and its reconciler, built on first use and kept for the life of the process.</summary>
/// <param name="Reconciler">Syncs the source's functions (its own inventory and reader, the shared Consul side).</param>
/// <param name="Reader">Reads one of its functions (GetFunction, ListAliases).</param>
/// <param name="Owned">Its clients to dispose, when the registrator created them.</param>
internal sealed record SourceEngine(Reconciler Reconciler, FunctionReader Reader, IDisposable? Owned)
{
    /// <summary>The key an engine is kept under: stable while the registrator's own account is still being learned.</summary>
    public static string KeyOf(Source source) => $"{source.RoleArn}|{source.Region}";
}
