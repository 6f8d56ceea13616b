namespace LambdaRegistrator.Core.Tags;

/// <summary>One function's tags, parsed: <see cref="NotEnabledTags"/>, <see cref="EnabledTags"/> or <see cref="InvalidTags"/>.</summary>
public abstract record TagParseResult
{
    private protected TagParseResult()
    {
    }
}
