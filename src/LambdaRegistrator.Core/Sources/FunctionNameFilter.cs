using System.Text.RegularExpressions;

namespace LambdaRegistrator.Core.Sources;

/// <summary>
/// Which function names a source registers: include globs (any must match; none = every name) and exclude globs (none
/// may match). <c>*</c> matches any run of characters, <c>?</c> one character; names compare case-sensitively, as
/// Lambda's do. A function the filter does not admit is treated as not enabled: its owned services are deregistered.
/// </summary>
public sealed partial class FunctionNameFilter
{
    // Each group must have a match (a source's includes and the global ones are two groups); no exclude may match.
    private readonly string[][] _includeGroups;
    private readonly string[] _exclude;

    private FunctionNameFilter(string[][] includeGroups, string[] exclude)
    {
        _includeGroups = includeGroups;
        _exclude = exclude;
    }

    /// <summary>The filter that admits every name.</summary>
    public static FunctionNameFilter All { get; } = new([], []);

    /// <summary>True when the filter admits every name.</summary>
    public bool AdmitsAll => _includeGroups.Length == 0 && _exclude.Length == 0;

    /// <summary>True for a glob the filter accepts: 1 to 170 of letters, digits, <c>-</c>, <c>_</c>, <c>*</c> and <c>?</c>.</summary>
    public static bool IsValidGlob(string? glob) => glob is not null && GlobRegex().IsMatch(glob);

    /// <summary>Creates a filter from validated globs (see <see cref="IsValidGlob"/>).</summary>
    /// <exception cref="ArgumentException">A glob is not valid.</exception>
    public static FunctionNameFilter Create(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentNullException.ThrowIfNull(exclude);
        var includes = include.Distinct(StringComparer.Ordinal).ToArray();
        var excludes = exclude.Distinct(StringComparer.Ordinal).ToArray();
        if (includes.Concat(excludes).FirstOrDefault(glob => !IsValidGlob(glob)) is { } invalid)
        {
            throw new ArgumentException($"\"{invalid}\" is not a function-name glob.", nameof(include));
        }

        return includes.Length == 0 && excludes.Length == 0 ? All : new FunctionNameFilter(includes.Length == 0 ? [] : [includes], excludes);
    }

    /// <summary>A filter that admits exactly what both this one and <paramref name="other"/> admit.</summary>
    public FunctionNameFilter And(FunctionNameFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.AdmitsAll ? this
            : AdmitsAll ? other
            : new FunctionNameFilter([.. _includeGroups, .. other._includeGroups], [.. _exclude, .. other._exclude.Except(_exclude, StringComparer.Ordinal)]);
    }

    /// <summary>Why <paramref name="functionName"/> is not admitted, as the end of a sentence; null when it is.</summary>
    public string? Rejection(string functionName)
    {
        ArgumentNullException.ThrowIfNull(functionName);
        if (_exclude.FirstOrDefault(glob => Matches(glob, functionName)) is { } excluded)
        {
            return $"excluded by the function-name glob \"{excluded}\"";
        }

        return _includeGroups.FirstOrDefault(group => !group.Any(glob => Matches(glob, functionName))) is { } missed
            ? $"matched by none of the include globs {string.Join(",", missed)}"
            : null;
    }

    /// <summary>True when <paramref name="functionName"/> is admitted.</summary>
    public bool Admits(string functionName) => Rejection(functionName) is null;

    /// <summary>True when <paramref name="glob"/> matches the whole of <paramref name="name"/>.</summary>
    public static bool Matches(string glob, string name)
    {
        ArgumentNullException.ThrowIfNull(glob);
        ArgumentNullException.ThrowIfNull(name);

        // Iterative wildcard match with one backtrack point: linear in practice, no regex built per glob.
        int g = 0, n = 0, star = -1, mark = 0;
        while (n < name.Length)
        {
            if (g < glob.Length && (glob[g] == '?' || glob[g] == name[n]))
            {
                g++;
                n++;
            }
            else if (g < glob.Length && glob[g] == '*')
            {
                star = g++;
                mark = n;
            }
            else if (star >= 0)
            {
                g = star + 1;
                n = ++mark;
            }
            else
            {
                return false;
            }
        }

        while (g < glob.Length && glob[g] == '*')
        {
            g++;
        }

        return g == glob.Length;
    }

    /// <summary>Readable form: <c>include a*,b* exclude *-test</c>, or <c>every function</c>.</summary>
    public override string ToString()
    {
        if (AdmitsAll)
        {
            return "every function";
        }

        var parts = _includeGroups.Select(group => $"include {string.Join(",", group)}").ToList();
        if (_exclude.Length > 0)
        {
            parts.Add($"exclude {string.Join(",", _exclude)}");
        }

        return string.Join(" ", parts);
    }

    [GeneratedRegex("^[A-Za-z0-9_*?-]{1,170}$")]
    private static partial Regex GlobRegex();
}
