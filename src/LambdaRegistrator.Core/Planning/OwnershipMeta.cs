namespace LambdaRegistrator.Core.Planning;

/// <summary>Markers this registrator writes to claim Consul objects (valid service meta keys: <c>[a-zA-Z0-9_-]</c>, no <c>consul-</c> prefix).</summary>
public static class OwnershipMeta
{
    /// <summary>Catalog tag the Go registrator already writes; kept for compatibility (it alone does not prove ownership).</summary>
    public const string ManagedTag = "managed-by-lambda-registrator";

    /// <summary>Service and config-entry meta key holding the owning registrator's id.</summary>
    public const string RegistratorIdKey = "lambda-registrator-id";

    /// <summary>Service and config-entry meta key holding the owning function's unqualified ARN.</summary>
    public const string FunctionArnKey = "lambda-arn";

    /// <summary>Node meta of the external node, as in Consul's manual Lambda registration guide.</summary>
    public static IReadOnlyDictionary<string, string> NodeMeta { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["external-node"] = "true",
        ["external-probe"] = "true",
    };
}
