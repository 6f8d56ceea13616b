namespace LambdaRegistrator.Core.Tags;

/// <summary>The function is not opted in (no <c>enabled</c> tag, an empty one, or <c>false</c>); other tags are not validated.</summary>
internal sealed record NotEnabledTags : TagParseResult
{
    /// <summary>The single instance.</summary>
    public static NotEnabledTags Instance { get; } = new();

    private NotEnabledTags()
    {
    }
}
