using System.Text.RegularExpressions;

namespace LambdaRegistrator.Core.Tags;

/// <summary>Parses one function's tags into a <see cref="TagParseResult"/> (the tag table in README.md; values compared case-insensitively).</summary>
public static partial class FunctionTagParser
{
    /// <summary>Parses the tags of one function.</summary>
    /// <param name="tags">The function's tags (key to value), as returned by AWS.</param>
    /// <param name="enterprise">True when Consul is Enterprise; partition/namespace tags are invalid otherwise.</param>
    public static TagParseResult Parse(IReadOnlyDictionary<string, string> tags, bool enterprise)
    {
        ArgumentNullException.ThrowIfNull(tags);

        var enabled = Value(tags, LambdaTags.Enabled);
        if (enabled is null || enabled.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            return NotEnabledTags.Instance;
        }

        var reasons = new List<string>();
        if (!enabled.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            reasons.Add(Bad(LambdaTags.Enabled, enabled, "true or false (any case)"));
            return new InvalidTags(reasons, RequiresEnterprise: false);
        }

        var passthrough = false;
        var passthroughRaw = Value(tags, LambdaTags.PayloadPassthrough);
        if (passthroughRaw is not null)
        {
            if (passthroughRaw.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                passthrough = true;
            }
            else if (!passthroughRaw.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add(Bad(LambdaTags.PayloadPassthrough, passthroughRaw, "true or false (any case)"));
            }
        }

        var mode = InvocationMode.Synchronous;
        var modeRaw = Value(tags, LambdaTags.InvocationMode);
        if (modeRaw is not null)
        {
            if (modeRaw.Equals("ASYNCHRONOUS", StringComparison.OrdinalIgnoreCase))
            {
                mode = InvocationMode.Asynchronous;
            }
            else if (!modeRaw.Equals("SYNCHRONOUS", StringComparison.OrdinalIgnoreCase))
            {
                reasons.Add(Bad(LambdaTags.InvocationMode, modeRaw, "SYNCHRONOUS or ASYNCHRONOUS (any case)"));
            }
        }

        var datacenter = Value(tags, LambdaTags.Datacenter);
        if (datacenter is not null && !ScopeNameRegex().IsMatch(datacenter))
        {
            reasons.Add(Bad(LambdaTags.Datacenter, datacenter, "a Consul datacenter name of 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'"));
        }

        var partition = Value(tags, LambdaTags.Partition);
        var @namespace = Value(tags, LambdaTags.Namespace);
        var enterpriseProblems = 0;
        foreach (var (key, value) in new[] { (LambdaTags.Partition, partition), (LambdaTags.Namespace, @namespace) })
        {
            if (value is null)
            {
                continue;
            }

            if (!enterprise)
            {
                enterpriseProblems++;
                reasons.Add($"tag \"{key}\"=\"{value}\" needs Consul Enterprise, but ENTERPRISE is not true; remove the tag or set ENTERPRISE=true.");
            }
            else if (!ScopeNameRegex().IsMatch(value))
            {
                reasons.Add(Bad(key, value, "a Consul name of 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'"));
            }
        }

        var aliases = new List<string>();
        var aliasesRaw = Value(tags, LambdaTags.Aliases);
        if (aliasesRaw is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var invalid = new List<string>();
            foreach (var alias in aliasesRaw.Split(LambdaTags.AliasSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!LambdaNames.IsValidAliasName(alias))
                {
                    invalid.Add(alias);
                }
                else if (seen.Add(alias))
                {
                    aliases.Add(alias);
                }
            }

            if (invalid.Count > 0)
            {
                reasons.Add($"tag \"{LambdaTags.Aliases}\"=\"{aliasesRaw}\" has invalid alias name(s) {string.Join(", ", invalid.Select(a => $"\"{a}\""))}; "
                    + "alias names are 1 to 128 characters from a-z, A-Z, 0-9, '-' and '_', not only digits, separated by '+'.");
            }
        }

        if (reasons.Count > 0)
        {
            return new InvalidTags(reasons, RequiresEnterprise: enterpriseProblems == reasons.Count);
        }

        return new EnabledTags(new FunctionRegistration(passthrough, mode, datacenter, partition, @namespace, aliases));
    }

    private static string? Value(IReadOnlyDictionary<string, string> tags, string key)
    {
        if (!tags.TryGetValue(key, out var value) || value is null)
        {
            return null;
        }

        value = value.Trim();
        return value.Length == 0 ? null : value;
    }

    private static string Bad(string key, string value, string allowed) =>
        $"tag \"{key}\"=\"{value}\" is not valid; allowed: {allowed}.";

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ScopeNameRegex();
}
