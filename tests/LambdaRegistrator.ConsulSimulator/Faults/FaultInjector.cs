namespace LambdaRegistrator.ConsulSimulator.Faults;

/// <summary>
/// The simulator's fault-injection switch: an ordered list of <see cref="FaultRule"/>s; the first rule that matches a
/// request and has not used up its <see cref="FaultRule.Count"/> applies. Thread-safe.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];

    /// <summary>The active rules, with their remaining counts.</summary>
    public IReadOnlyList<FaultRule> Rules
    {
        get
        {
            lock (_lock)
            {
                return [.. _rules];
            }
        }
    }

    /// <summary>Appends a rule (rules added earlier win).</summary>
    public void Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (string.IsNullOrEmpty(rule.PathPrefix) || !rule.PathPrefix.StartsWith('/'))
        {
            throw new ArgumentException($"PathPrefix must start with '/', got \"{rule.PathPrefix}\"; use \"/v1/\" to match every API request.", nameof(rule));
        }

        if (rule.Count is < 1)
        {
            throw new ArgumentException($"Count must be at least 1 (or null for every request), got {rule.Count}.", nameof(rule));
        }

        lock (_lock)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Replaces all rules.</summary>
    public void Set(IEnumerable<FaultRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        Clear();
        foreach (var rule in list)
        {
            Add(rule);
        }
    }

    /// <summary>Fails the next <paramref name="count"/> requests under <paramref name="pathPrefix"/> with <paramref name="statusCode"/>.</summary>
    public void FailNext(int count, string pathPrefix = "/v1/", int statusCode = 500) => Add(FaultRule.FailNext(count, pathPrefix, statusCode));

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    /// <summary>Finds the rule for a request and consumes one of its uses.</summary>
    internal FaultRule? Take(string method, string path)
    {
        lock (_lock)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if (!path.StartsWith(rule.PathPrefix, StringComparison.Ordinal)
                    || (rule.Method is not null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (rule.Count is { } count)
                {
                    if (count <= 1)
                    {
                        _rules.RemoveAt(i);
                    }
                    else
                    {
                        _rules[i] = rule with { Count = count - 1 };
                    }
                }

                return rule;
            }

            return null;
        }
    }
}
