using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>One function as AWS reports it.</summary>
/// <param name="FunctionArn">The full, unqualified function ARN.</param>
/// <param name="Tags">The function's tags; null when they could not be read (the function is then left as is).</param>
/// <param name="Aliases">Aliases that exist on AWS; null when not listed (then the aliases tag is trusted, like the Go original).</param>
public sealed record FunctionInventoryEntry(
    LambdaArn FunctionArn,
    IReadOnlyDictionary<string, string>? Tags,
    IReadOnlyCollection<string>? Aliases = null)
{
    /// <summary>True when <see cref="Tags"/> could not be read.</summary>
    public bool TagsUnknown => Tags is null;
}
