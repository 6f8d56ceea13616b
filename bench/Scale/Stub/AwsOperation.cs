namespace LambdaRegistrator.Bench.Scale.Stub;

/// <summary>The AWS operations the stub serves (and counts).</summary>
internal enum AwsOperation
{
    ListFunctions,
    GetFunction,
    ListAliases,
    ListTags,
    GetResources,
    Unsupported,
}
