namespace LambdaRegistrator.Aws.Lambda;

/// <summary>What GetFunction returns about an existing function: its full configuration and its tags.</summary>
/// <param name="Configuration">The configuration, including State and LastUpdateStatus.</param>
/// <param name="Tags">The tags, or why they are unknown.</param>
public sealed record FunctionDetails(FunctionConfiguration Configuration, FunctionTags Tags);
