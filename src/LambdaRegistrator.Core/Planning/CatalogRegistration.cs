namespace LambdaRegistrator.Core.Planning;

/// <summary>A <c>PUT /v1/catalog/register</c> body: external node with <c>SkipNodeUpdate: true</c> and one service.</summary>
/// <param name="Node">NODE_NAME.</param>
/// <param name="NodeMeta">external-node / external-probe (used only if the node does not exist yet).</param>
/// <param name="Service">The Lambda service.</param>
public sealed record CatalogRegistration(string Node, IReadOnlyDictionary<string, string> NodeMeta, CatalogService Service)
{
    /// <summary>Always true: the node record (possibly shared) is never rewritten.</summary>
    public const bool SkipNodeUpdate = true;
}
