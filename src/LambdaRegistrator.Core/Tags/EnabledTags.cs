namespace LambdaRegistrator.Core.Tags;

/// <summary>The function is opted in and every registrator tag is valid.</summary>
/// <param name="Registration">The settings to register with.</param>
public sealed record EnabledTags(FunctionRegistration Registration) : TagParseResult;
