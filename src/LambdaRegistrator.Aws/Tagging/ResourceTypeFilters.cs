namespace LambdaRegistrator.Aws.Tagging;

/// <summary>Resource type filters for GetResources.</summary>
public static class ResourceTypeFilters
{
    /// <summary>Lambda functions only (not event source mappings or other Lambda resources).</summary>
    public const string LambdaFunction = "lambda:function";
}
