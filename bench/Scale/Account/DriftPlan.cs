namespace LambdaRegistrator.Bench.Scale.Account;

/// <summary>
/// The 1% tag change: k = max(1, N/100) functions spread over the account. ceil(k/2) untagged functions get
/// <c>enabled=true</c> (registrations), floor(k/4) enabled functions get <c>enabled=false</c> (deregistrations), and
/// the rest, enabled functions with two aliases, flip <c>payload-passthrough</c> (three service updates each).
/// Applying it again restores the creation tags, so repetitions alternate between the two states.
/// </summary>
internal sealed class DriftPlan
{
    private DriftPlan(IReadOnlyList<BenchFunction> enable, IReadOnlyList<BenchFunction> disable, IReadOnlyList<BenchFunction> update)
    {
        Enable = enable;
        Disable = disable;
        Update = update;
    }

    public IReadOnlyList<BenchFunction> Enable { get; }

    public IReadOnlyList<BenchFunction> Disable { get; }

    public IReadOnlyList<BenchFunction> Update { get; }

    public int Count => Enable.Count + Disable.Count + Update.Count;

    /// <summary>True while the drifted tags are applied.</summary>
    public bool IsApplied { get; private set; }

    public static DriftPlan Choose(IReadOnlyList<BenchFunction> functions, IReadOnlyCollection<BenchFunction> untouchable)
    {
        var k = Math.Max(1, functions.Count / 100);
        var enableCount = (k + 1) / 2;
        var disableCount = k / 4;
        var updateCount = k - enableCount - disableCount;
        bool Enabled(BenchFunction f) => f.BaseTags.ContainsKey(SyntheticAccount.EnabledTag);
        var free = functions.Where(f => !untouchable.Contains(f)).ToList();
        return new DriftPlan(
            Spread(free.Where(f => !Enabled(f)).ToList(), enableCount),
            Spread(free.Where(f => Enabled(f) && f.Aliases.Count == 0).ToList(), disableCount),
            Spread(free.Where(f => Enabled(f) && f.Aliases.Count > 0).ToList(), updateCount));
    }

    /// <summary>Switches between the creation tags and the drifted tags.</summary>
    public void Toggle()
    {
        if (IsApplied)
        {
            foreach (var function in Enable.Concat(Disable).Concat(Update))
            {
                function.Tags = function.BaseTags;
            }

            IsApplied = false;
            return;
        }

        foreach (var function in Enable)
        {
            function.Tags = With(function.BaseTags, SyntheticAccount.EnabledTag, "true");
        }

        foreach (var function in Disable)
        {
            function.Tags = With(function.BaseTags, SyntheticAccount.EnabledTag, "false");
        }

        foreach (var function in Update)
        {
            var on = function.BaseTags.TryGetValue(SyntheticAccount.PayloadPassthroughTag, out var value) && value == "true";
            function.Tags = With(function.BaseTags, SyntheticAccount.PayloadPassthroughTag, on ? "false" : "true");
        }

        IsApplied = true;
    }

    /// <summary>Forgets the drift state after the account was restored as a whole.</summary>
    public void MarkRestored() => IsApplied = false;

    private static List<BenchFunction> Spread(List<BenchFunction> candidates, int count)
    {
        if (count > candidates.Count)
        {
            throw new InvalidOperationException($"The account has {candidates.Count} candidate functions for a drift of {count}.");
        }

        if (count == 0)
        {
            return [];
        }

        var stride = candidates.Count / count;
        return [.. Enumerable.Range(0, count).Select(i => candidates[(i * stride) + (stride / 2)])];
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> tags, string key, string value) =>
        new(tags, StringComparer.Ordinal) { [key] = value };
}
