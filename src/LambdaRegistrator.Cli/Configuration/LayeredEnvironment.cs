namespace LambdaRegistrator.Cli.Configuration;

/// <summary>
/// The environment the engine sees: command-line overrides layered over the process environment, plus the CLI's own
/// defaults for variables neither sets. Remembers which flag set which variable, so configuration errors can name both.
/// </summary>
internal sealed class LayeredEnvironment
{
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly Dictionary<string, string> _overrides = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _defaults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _flags = new(StringComparer.Ordinal);

    /// <summary>Layers over <paramref name="environment"/> (not copied; read on every lookup).</summary>
    public LayeredEnvironment(IReadOnlyDictionary<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _environment = environment;
    }

    /// <summary>Variables set by a flag, with the flag that set them.</summary>
    public IReadOnlyDictionary<string, string> FlagSources => _flags;

    /// <summary>Sets <paramref name="variable"/> to <paramref name="value"/> because <paramref name="flag"/> was given.</summary>
    public void Override(string variable, string value, string flag)
    {
        _overrides[variable] = value;
        _flags[variable] = flag;
    }

    /// <summary>Uses <paramref name="value"/> for <paramref name="variable"/> only when neither a flag nor the environment sets it.</summary>
    public void Default(string variable, string value) => _defaults[variable] = value;

    /// <summary>Reads one variable: flag, then environment, then the CLI default; null when unset. Pass to <c>Registrator.CreateAsync</c>.</summary>
    public string? Get(string variable)
    {
        if (_overrides.TryGetValue(variable, out var overridden))
        {
            return overridden;
        }

        if (_environment.TryGetValue(variable, out var value) && value is not null)
        {
            return value;
        }

        return _defaults.GetValueOrDefault(variable);
    }

    /// <summary>
    /// Adds "(from --flag)" to a configuration problem that names a variable a flag set, so the user fixes the right
    /// thing: the problem sentences name variables, which the user may only have given as flags.
    /// </summary>
    public string Explain(string problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var flags = _flags.Where(pair => problem.Contains(pair.Key, StringComparison.Ordinal)).Select(pair => pair.Value).Distinct().ToList();
        return flags.Count == 0 ? problem : $"{problem} (set by {string.Join(", ", flags)})";
    }
}
