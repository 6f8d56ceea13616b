namespace LambdaRegistrator.Aws.Tagging;

/// <summary>A tagged resource as GetResources returns it.</summary>
/// <param name="ResourceArn">The resource ARN; for Lambda, the unqualified function ARN.</param>
/// <param name="Tags">Its tags (AWS sends a list of Key/Value; later duplicates win).</param>
public sealed record ResourceTagMapping(string ResourceArn, IReadOnlyDictionary<string, string> Tags);
