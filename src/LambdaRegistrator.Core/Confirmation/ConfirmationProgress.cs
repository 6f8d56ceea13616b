using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Confirmation;

/// <summary>
/// How far the confirmation of one function has got, and which Lambda read comes next (<see cref="Next"/>). A
/// confirmation proves that the function exists, reads its tags, and learns which of the aliases its tags name exist.
/// </summary>
/// <remarks>
/// Why GetFunction with <c>Qualifier=&lt;alias&gt;</c>: GetFunction has its own 100 req/s quota, while ListAliases
/// spends from the 15 req/s quota that every other control-plane call shares. A qualified GetFunction confirms the
/// alias and the function in one request, so for a function with k tagged aliases k qualified reads cost k/100 s of
/// quota against 1/100 + 1/15 s for GetFunction + ListAliases: cheaper up to k = 7 (k = 6 when the function was
/// already read). Past that, ListAliases is cheaper and is used.
/// A qualified GetFunction answers 404 ResourceNotFoundException both when the alias and when the whole function is
/// missing (the message names the qualified ARN either way), so a 404 before the function is known to exist is
/// settled by an unqualified GetFunction: nothing is taken as deleted on a guess.
/// </remarks>
public sealed record ConfirmationProgress
{
    /// <summary>The documented GetFunction quota, requests per second per account and region.</summary>
    public const int GetFunctionQuotaPerSecond = 100;

    /// <summary>The documented quota every other control-plane call (ListAliases, ListFunctions, ListTags) shares, requests per second.</summary>
    public const int ControlPlaneQuotaPerSecond = 15;

    private static readonly IReadOnlySet<string> NoAliases = new HashSet<string>(StringComparer.Ordinal);

    private ConfirmationProgress(IReadOnlyDictionary<string, string>? listedTags, IReadOnlyDictionary<string, string>? tags)
    {
        ListedTags = listedTags;
        Tags = tags;
    }

    /// <summary>The tags the inventory listed (the Tagging API may be stale); only a hint of which aliases to read.</summary>
    public IReadOnlyDictionary<string, string>? ListedTags { get; }

    /// <summary>The function's tags as Lambda reports them now; null until a read has shown them.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; private init; }

    /// <summary>True when Lambda said the function does not exist (an unqualified GetFunction answered 404).</summary>
    public bool IsGone { get; private init; }

    /// <summary>Aliases known to exist.</summary>
    public IReadOnlySet<string> Present { get; private init; } = NoAliases;

    /// <summary>Aliases known not to exist (their qualified read answered 404 while the function exists).</summary>
    public IReadOnlySet<string> Absent { get; private init; } = NoAliases;

    /// <summary>An alias whose qualified read answered 404 before the function was known to exist: function or alias missing.</summary>
    public string? Unresolved { get; private init; }

    /// <summary>True once ListAliases has answered: <see cref="Present"/> is then every alias of the function.</summary>
    public bool AliasesListed { get; private init; }

    // A qualified read showed tags other than the listed ones: an unqualified read settles what the tags are.
    private bool QualifiedTagsDiffer { get; init; }

    /// <summary>True when no more reads are needed.</summary>
    public bool IsDone(bool enterprise) => Next(enterprise) is null;

    /// <summary>
    /// The existing aliases among those the tags name, for <c>FunctionInventoryEntry.Aliases</c>; null when the tags name
    /// none (or are unknown).
    /// </summary>
    public IReadOnlyCollection<string>? Aliases(bool enterprise) =>
        Tags is not null && TaggedAliases(Tags, enterprise).Count > 0 ? Present : null;

    /// <summary>A function the inventory listed but no Lambda read has confirmed yet; <paramref name="listedTags"/> may be null (unknown).</summary>
    public static ConfirmationProgress Listed(IReadOnlyDictionary<string, string>? listedTags) => new(listedTags, null);

    /// <summary>A function an unqualified GetFunction has just read (it exists, with these tags); only its aliases are left.</summary>
    public static ConfirmationProgress Read(IReadOnlyDictionary<string, string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        return new(tags, tags);
    }

    /// <summary>The aliases an enabled function's tags name; empty when not enabled or invalid.</summary>
    public static IReadOnlyList<string> TaggedAliases(IReadOnlyDictionary<string, string>? tags, bool enterprise) =>
        tags is not null && FunctionTagParser.Parse(tags, enterprise) is EnabledTags enabled ? enabled.Registration.Aliases : [];

    /// <summary>True when <paramref name="aliases"/> qualified GetFunctions cost less quota time than ListAliases (see the remarks on the type).</summary>
    /// <param name="aliases">How many aliases the tags name.</param>
    /// <param name="functionRead">True when the function itself was already read (no GetFunction is needed besides the alias reads).</param>
    public static bool ReadsAliasesOneByOne(int aliases, bool functionRead)
    {
        // k / GF <= (read ? 0 : 1 / GF) + 1 / CP, multiplied by GF * CP to stay in integers.
        var oneByOne = aliases * ControlPlaneQuotaPerSecond;
        var listing = (functionRead ? 0 : ControlPlaneQuotaPerSecond) + GetFunctionQuotaPerSecond;
        return aliases > 0 && oneByOne <= listing;
    }

    /// <summary>
    /// The number of Lambda requests confirming a function with <paramref name="aliases"/> tagged aliases costs when
    /// nothing turns out to be missing: what a budget is charged for it.
    /// </summary>
    public static int RequestCost(int aliases) => aliases == 0 ? 1 : ReadsAliasesOneByOne(aliases, functionRead: false) ? aliases : 2;

    /// <summary>The next read, or null when the confirmation is complete.</summary>
    public ConfirmationRead? Next(bool enterprise)
    {
        if (IsGone)
        {
            return null;
        }

        if (Tags is null)
        {
            if (Unresolved is not null || QualifiedTagsDiffer)
            {
                return ConfirmationRead.Function;
            }

            var hinted = TaggedAliases(ListedTags, enterprise);
            if (ReadsAliasesOneByOne(hinted.Count, functionRead: false) && hinted.FirstOrDefault(Unchecked) is { } first)
            {
                return ConfirmationRead.Alias(first);
            }

            return ConfirmationRead.Function;
        }

        var wanted = TaggedAliases(Tags, enterprise);
        if (wanted.Count == 0 || AliasesListed)
        {
            return null;
        }

        // Aliases already read one by one count whichever way the rest are read.
        var left = wanted.Where(Unchecked).ToList();
        if (left.Count == 0)
        {
            return null;
        }

        return ReadsAliasesOneByOne(left.Count, functionRead: true) ? ConfirmationRead.Alias(left[0]) : ConfirmationRead.Aliases;
    }

    /// <summary>Records GetFunction's answer.</summary>
    /// <param name="qualifier">The qualifier the read was made with; null for an unqualified read.</param>
    /// <param name="tags">The tags returned; null when GetFunction answered 404 ResourceNotFoundException.</param>
    public ConfirmationProgress AfterGetFunction(string? qualifier, IReadOnlyDictionary<string, string>? tags)
    {
        if (qualifier is null)
        {
            if (tags is null)
            {
                return this with { IsGone = true, Unresolved = null };
            }

            // The function exists: an alias whose qualified read answered 404 is the one missing.
            var absent = Unresolved is null ? Absent : With(Absent, Unresolved);
            return this with { Tags = tags, Absent = absent, Unresolved = null, QualifiedTagsDiffer = false };
        }

        if (tags is null)
        {
            // Why: with the function just read the alias is what is missing (if the function went too, the next
            // sync deregisters it); before that, a 404 could mean either, so an unqualified read settles it.
            return Tags is not null ? this with { Absent = With(Absent, qualifier) } : this with { Unresolved = qualifier };
        }

        var present = With(Present, qualifier);
        if (Tags is not null)
        {
            return this with { Present = present };
        }

        // Why: the tags of a qualified read are the function's (Lambda tags functions, never aliases or versions).
        // They are taken only when they agree with the listing; otherwise an unqualified read says what the
        // function's tags are, so a listing that was stale, or an emulator that keeps tags per version, never decides.
        return SameTags(tags, ListedTags)
            ? this with { Present = present, Tags = tags }
            : this with { Present = present, QualifiedTagsDiffer = true };
    }

    /// <summary>Records ListAliases's answer: every alias of the function.</summary>
    public ConfirmationProgress AfterListAliases(IEnumerable<string> aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        return this with { Present = new HashSet<string>(aliases, StringComparer.Ordinal), AliasesListed = true };
    }

    private bool Unchecked(string alias) => !Present.Contains(alias) && !Absent.Contains(alias) && alias != Unresolved;

    private static HashSet<string> With(IReadOnlySet<string> set, string item) => new(set, StringComparer.Ordinal) { item };

    private static bool SameTags(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string>? b) =>
        b is not null && a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && string.Equals(value, pair.Value, StringComparison.Ordinal));
}
