namespace LambdaRegistrator.Core.Configuration;

/// <summary>How a full sync builds the AWS inventory (<c>INVENTORY_STRATEGY</c>).</summary>
public enum InventoryStrategy
{
    /// <summary><c>tagging</c>: Resource Groups Tagging API GetResources (few calls, eventually consistent; changes verified with GetFunction).</summary>
    Tagging,

    /// <summary><c>list-functions</c>: ListFunctions plus GetFunction per function, like the Go original.</summary>
    ListFunctions,
}
