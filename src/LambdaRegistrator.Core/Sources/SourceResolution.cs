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
