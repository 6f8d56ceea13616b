using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Sources;

/// <summary>The sources of a <see cref="SourceSet"/> once the registrator's own account and region are known, or why they cannot be formed.</summary>
/// <param name="Sources">One per account and region, in SOURCES order.</param>
/// <param name="Errors">Sentences naming the entry and what to change; empty when every source resolved.</param>
public sealed record SourceResolution(IReadOnlyList<Source> Sources, IReadOnlyList<string> Errors)
{
    /// <summary>True when every source resolved.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>The source of <paramref name="accountId"/> and <paramref name="region"/>; null when none is (an unknown part of a source matches any).</summary>
    public Source? Find(string? accountId, string? region) => Sources.FirstOrDefault(s => s.Is(accountId, region));

    /// <summary>
    /// The one rule for which source a function (of an event, or given by hand) belongs to: the source whose account,
    /// region and partition it is in. With a single source, <paramref name="reason"/> is that source's own mismatch
    /// sentence; with several, it names the function's account and region and lists the sources.
    /// </summary>
    /// <param name="sources">The sources to choose from.</param>
    /// <param name="function">The function; an unknown account or region of its ARN matches any.</param>
    /// <param name="reason">Why no source holds the function, as the end of a sentence; empty when one does.</param>
    /// <returns>The first source that holds the function; null when none does.</returns>
    public static Source? SourceOf(IReadOnlyList<Source> sources, LambdaArn function, out string reason)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(function);
        reason = string.Empty;
        if (sources.FirstOrDefault(s => s.Contains(function)) is { } match)
        {
            return match;
        }

        if (sources.Count == 1)
        {
            reason = sources[0].Mismatch(function) ?? string.Empty;
            return null;
        }

        reason = $"in account {function.AccountId ?? "(unknown)"} and region {function.Region ?? "(unknown)"}, which is not one of this registrator's sources "
            + $"({string.Join(", ", sources.Select(s => s.Name))})";
        return null;
    }

    /// <summary>The source that holds <paramref name="function"/>, or null with the reason (see <see cref="SourceOf(IReadOnlyList{Source}, LambdaArn, out string)"/>).</summary>
    public Source? SourceOf(LambdaArn function, out string reason) => SourceOf(Sources, function, out reason);

    /// <summary>
    /// The sources named <c>ACCOUNT/REGION</c> (the CLI's <c>--source</c>), in the order given; every name must be one.
    /// </summary>
    /// <param name="names">Source names; empty selects every source.</param>
    /// <param name="error">Why a name is not a source, listing the ones there are.</param>
    public bool TrySelect(IReadOnlyCollection<string> names, out IReadOnlyList<Source> selected, out string error)
    {
        ArgumentNullException.ThrowIfNull(names);
        error = string.Empty;
        if (names.Count == 0)
        {
            selected = Sources;
            return true;
        }

        var result = new List<Source>();
        foreach (var name in names)
        {
            var parts = name.Split('/');
            var match = parts.Length == 2 ? Sources.FirstOrDefault(s => s.AccountId == parts[0] && s.Region == parts[1]) : null;
            if (match is null)
            {
                selected = [];
                error = $"\"{name}\" is not a source; the sources are {string.Join(", ", Sources.Select(s => s.Name))} (ACCOUNT/REGION).";
                return false;
            }

            if (!result.Contains(match))
            {
                result.Add(match);
            }
        }

        selected = result;
        return true;
    }
}
