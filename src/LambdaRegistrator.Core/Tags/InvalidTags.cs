namespace LambdaRegistrator.Core.Tags;

/// <summary>A registrator tag has a value outside its allowed set: the function is reported and left exactly as it is in Consul.</summary>
/// <param name="Reasons">One sentence per bad tag, naming the key, the value and the allowed values.</param>
/// <param name="RequiresEnterprise">True when the only problem is partition/namespace tags while ENTERPRISE is off.</param>
public sealed record InvalidTags(IReadOnlyList<string> Reasons, bool RequiresEnterprise) : TagParseResult;
