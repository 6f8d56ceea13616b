using System.Diagnostics.CodeAnalysis;

namespace LambdaRegistrator.Aws.Lambda;

/// <summary>
/// A function's tags, or the fact that they are unknown. GetFunction answers with <c>TagsError</c> instead of
/// <c>Tags</c> when the caller may not read them (no <c>lambda:ListTags</c>): that means "unknown", never "no tags".
/// </summary>
/// <remarks>Why: HashiCorp's registrator read a missing tag map as "not enabled" and deregistered every function when
/// the role lacked lambda:ListTags. Reading <see cref="Values"/> of unknown tags throws, so callers cannot confuse them.</remarks>
public sealed class FunctionTags
{
    private static readonly IReadOnlyDictionary<string, string> NoTags = new Dictionary<string, string>(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, string>? _values;

    private FunctionTags(IReadOnlyDictionary<string, string>? values, string? errorCode, string? errorMessage)
    {
        _values = values;
        ErrorCode = errorCode;
        ErrorMessage = errorMessage;
    }

    /// <summary>An untagged function's tags: known and empty.</summary>
    public static FunctionTags None { get; } = new(NoTags, null, null);

    /// <summary>True when the tags were returned; false when AWS refused them (see <see cref="ErrorCode"/>).</summary>
    [MemberNotNullWhen(false, nameof(ErrorCode))]
    public bool IsKnown => _values is not null;

    /// <summary>The tags.</summary>
    /// <exception cref="InvalidOperationException">The tags are unknown; check <see cref="IsKnown"/> first.</exception>
    public IReadOnlyDictionary<string, string> Values => _values ?? throw new InvalidOperationException(
        $"The function's tags are unknown ({ErrorCode}: {ErrorMessage}); grant lambda:ListTags to the registrator's IAM role.");

    /// <summary>AWS's <c>TagsError.ErrorCode</c> when the tags are unknown, else null.</summary>
    public string? ErrorCode { get; }

    /// <summary>AWS's <c>TagsError.Message</c> when the tags are unknown, else null.</summary>
    public string? ErrorMessage { get; }

    /// <summary>Known tags.</summary>
    public static FunctionTags Known(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new FunctionTags(values, null, null);
    }

    /// <summary>Tags AWS did not return, with its reason.</summary>
    public static FunctionTags Unknown(string errorCode, string? errorMessage)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        return new FunctionTags(null, errorCode, errorMessage);
    }

    /// <summary>Gets the tags when they are known.</summary>
    public bool TryGetValues([NotNullWhen(true)] out IReadOnlyDictionary<string, string>? values)
    {
        values = _values;
        return values is not null;
    }

    /// <inheritdoc/>
    public override string ToString() => _values is { } v ? $"{v.Count} tag(s)" : $"unknown tags ({ErrorCode})";
}
