using System.Globalization;

namespace LambdaRegistrator.Bench.Scale.Account;

/// <summary>
/// A synthetic account of N functions: every function carries unrelated tags (team, cost centre), 10% are enabled for
/// Consul, a third of those with two aliases (<c>live</c>, <c>canary</c>), some with payload passthrough or asynchronous
/// invocation. The drift set (1% of N) and the two event targets are chosen here, deterministically.
/// </summary>
internal sealed class SyntheticAccount
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string TagPrefix = "serverless.consul.hashicorp.com/v1alpha1/lambda/";
    public const string EnabledTag = TagPrefix + "enabled";
    public const string PayloadPassthroughTag = TagPrefix + "payload-passthrough";
    public const string InvocationModeTag = TagPrefix + "invocation-mode";
    public const string AliasesTag = TagPrefix + "aliases";

    private readonly Dictionary<string, BenchFunction> _byName;

    private SyntheticAccount(IReadOnlyList<BenchFunction> functions)
    {
        Functions = functions;
        _byName = functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var enabled = functions.Where((_, i) => IsEnabledIndex(i)).ToList();
        AliasedEventTarget = enabled.First(f => f.Aliases.Count > 0);
        PlainEventTarget = enabled.First(f => f.Aliases.Count == 0);
        Drift = DriftPlan.Choose(functions, [AliasedEventTarget, PlainEventTarget]);
    }

    /// <summary>Every function, ordered by name (ListFunctions order).</summary>
    public IReadOnlyList<BenchFunction> Functions { get; }

    /// <summary>The 1% of functions whose tags change in the drift scenario.</summary>
    public DriftPlan Drift { get; }

    /// <summary>An enabled function without aliases that no scenario changes (the event target).</summary>
    public BenchFunction PlainEventTarget { get; }

    /// <summary>An enabled function with two aliases that no scenario changes (the second event target).</summary>
    public BenchFunction AliasedEventTarget { get; }

    /// <summary>Functions with the enabled tag key (any value): what a Tagging API walk filtered on that key returns.</summary>
    public int TaggedForConsul => Functions.Count(f => f.Tags.ContainsKey(EnabledTag));

    public static SyntheticAccount Create(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 10);
        var functions = new BenchFunction[size];
        for (var i = 0; i < size; i++)
        {
            var name = "bench-fn-" + i.ToString("D5", CultureInfo.InvariantCulture);
            var arn = $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";
            var tags = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["team"] = "team-" + (i % 17).ToString(CultureInfo.InvariantCulture),
                ["cost-center"] = "cc-" + (i % 5).ToString(CultureInfo.InvariantCulture),
            };
            IReadOnlyList<string> aliases = [];
            if (IsEnabledIndex(i))
            {
                var j = i / 10;
                tags[EnabledTag] = "true";
                if (j % 4 == 1)
                {
                    tags[PayloadPassthroughTag] = "true";
                }

                if (j % 5 == 2)
                {
                    tags[InvocationModeTag] = "ASYNCHRONOUS";
                }

                if (j % 3 == 0)
                {
                    tags[AliasesTag] = "live+canary";
                    aliases = ["live", "canary"];
                }
            }

            functions[i] = new BenchFunction(name, arn, tags, aliases);
        }

        return new SyntheticAccount(functions);
    }

    /// <summary>Finds a function by name, ARN (qualified or not) or partial ARN; null when unknown.</summary>
    public BenchFunction? Find(string nameOrArn)
    {
        var name = nameOrArn;
        var marker = name.IndexOf("function:", StringComparison.Ordinal);
        if (marker >= 0)
        {
            name = name[(marker + "function:".Length)..];
        }

        var qualifier = name.IndexOf(':', StringComparison.Ordinal);
        if (qualifier >= 0)
        {
            name = name[..qualifier];
        }

        return _byName.GetValueOrDefault(name);
    }

    /// <summary>Puts every function back to its creation tags.</summary>
    public void RestoreAll()
    {
        foreach (var function in Functions)
        {
            function.Tags = function.BaseTags;
        }
    }

    /// <summary>What Consul must hold for the current tags, per the behaviour contract.</summary>
    public IReadOnlyList<ExpectedService> ExpectedServices()
    {
        var expected = new List<ExpectedService>();
        foreach (var function in Functions)
        {
            var tags = function.Tags;
            if (!tags.TryGetValue(EnabledTag, out var enabled) || !enabled.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var passthrough = tags.TryGetValue(PayloadPassthroughTag, out var p) && p.Equals("true", StringComparison.OrdinalIgnoreCase);
            var mode = tags.TryGetValue(InvocationModeTag, out var m) && m.Equals("ASYNCHRONOUS", StringComparison.OrdinalIgnoreCase)
                ? "asynchronous"
                : "synchronous";
            expected.Add(new ExpectedService(function.Name, function.Arn, passthrough, mode));
            if (tags.TryGetValue(AliasesTag, out var aliases))
            {
                foreach (var alias in aliases.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal))
                {
                    if (function.Aliases.Contains(alias, StringComparer.Ordinal))
                    {
                        expected.Add(new ExpectedService($"{function.Name}-{alias}", $"{function.Arn}:{alias}", passthrough, mode));
                    }
                }
            }
        }

        return expected;
    }

    private static bool IsEnabledIndex(int i) => i % 10 == 0;
}
