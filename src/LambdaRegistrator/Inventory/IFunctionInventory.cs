namespace LambdaRegistrator.Inventory;

/// <summary>An INVENTORY_STRATEGY: lists every function with its tags for a full sync.</summary>
internal interface IFunctionInventory
{
    /// <summary>True when the listed tags may be stale (Tagging API) and must be confirmed with GetFunction before acting.</summary>
    bool NeedsConfirmation { get; }

    /// <summary>Reads the inventory; AWS errors are recorded in the result (never thrown), cancellation is thrown.</summary>
    Task<InventoryResult> ReadAsync(CancellationToken cancellationToken);
}
