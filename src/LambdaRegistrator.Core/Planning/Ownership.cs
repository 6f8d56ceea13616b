using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// Who owns what in Consul: the markers this registrator writes to claim a service or config entry, who an object
/// belongs to, when an object written by the Go registrator (no owner meta) is adopted, and when a name is refused
/// because someone else holds it. Ownership is per registrator id: each <see cref="Sources.Source"/> owns only what
/// carries its id. Meta keys are valid service meta keys (<c>[a-zA-Z0-9_-]</c>, no <c>consul-</c> prefix).
/// </summary>
public static class Ownership
{
    /// <summary>Catalog tag the Go registrator already writes; kept for compatibility (it alone does not prove ownership).</summary>
    public const string ManagedTag = "managed-by-lambda-registrator";

    /// <summary>Service and config-entry meta key holding the owning registrator's id.</summary>
    public const string RegistratorIdKey = "lambda-registrator-id";

    /// <summary>Service and config-entry meta key holding the owning function's unqualified ARN.</summary>
    public const string FunctionArnKey = "lambda-arn";

    /// <summary>The owner meta this registrator writes on every object of <paramref name="function"/>.</summary>
    public static Dictionary<string, string> Meta(string registratorId, LambdaArn function)
    {
        ArgumentException.ThrowIfNullOrEmpty(registratorId);
        ArgumentNullException.ThrowIfNull(function);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RegistratorIdKey] = registratorId,
            [FunctionArnKey] = function.ToString(),
        };
    }

    /// <summary>The registrator id an object carries; null when it has no owner meta.</summary>
    public static string? OwnerOf(IReadOnlyDictionary<string, string> meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return meta.TryGetValue(RegistratorIdKey, out var owner) ? owner : null;
    }

    /// <summary>True when the object carries <paramref name="registratorId"/> as its owner.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> meta, string registratorId) =>
        string.Equals(OwnerOf(meta), registratorId, StringComparison.Ordinal);

    /// <summary>True when the object is owned by <paramref name="registratorId"/> and, when <paramref name="function"/> is given, belongs to that function.</summary>
    public static bool IsOwnedBy(IReadOnlyDictionary<string, string> meta, string registratorId, LambdaArn? function) =>
        IsOwnedBy(meta, registratorId) && (function is null || BelongsTo(meta, function));

    /// <summary>The function an object names in its owner meta, unqualified; null when absent or not a function identifier.</summary>
    public static LambdaArn? FunctionOf(IReadOnlyDictionary<string, string> meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return meta.TryGetValue(FunctionArnKey, out var text) && LambdaArn.TryParse(text, out var arn, out _) ? arn.Unqualified : null;
    }

    /// <summary>The raw owner-function meta value (for messages about an unreadable one).</summary>
    public static string? FunctionText(IReadOnlyDictionary<string, string> meta)
    {
        ArgumentNullException.ThrowIfNull(meta);
        return meta.TryGetValue(FunctionArnKey, out var text) ? text : null;
    }

    /// <summary>True when the object's owner meta names <paramref name="function"/> (whoever the owner is).</summary>
    public static bool BelongsTo(IReadOnlyDictionary<string, string> meta, LambdaArn function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return FunctionOf(meta) is { } owner && owner.SameFunctionAs(function);
    }

    /// <summary>
    /// True for a service the Go registrator wrote: tagged <see cref="ManagedTag"/> but without owner meta. It may be
    /// adopted by the function of its name, and is never deleted on a name guess.
    /// </summary>
    public static bool IsLegacy(CatalogService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.Tags.Contains(ManagedTag) && OwnerOf(service.Meta) is null;
    }

    /// <summary>
    /// May <paramref name="wantedBy"/> write the catalog service it wants, given the one it finds there? Adoption of a
    /// Go-written service and take-over from a function that no longer claims the name are granted with a note.
    /// </summary>
    /// <param name="service">The service found under the wanted name.</param>
    /// <param name="what">How messages name it, e.g. <c>service orders on node lambdas</c>.</param>
    /// <param name="registratorId">This source's owner id.</param>
    /// <param name="wantedBy">The function that wants the name, unqualified.</param>
    /// <param name="released">True when a previous owning function no longer claims the name in this sync.</param>
    public static OwnershipClaim ClaimService(CatalogService service, string what, string registratorId, LambdaArn wantedBy, Func<LambdaArn, bool> released)
    {
        ArgumentNullException.ThrowIfNull(service);
        return Claim(service.Meta, what, registratorId, wantedBy, adoptable: service.Tags.Contains(ManagedTag), released);
    }

    /// <summary>
    /// May <paramref name="wantedBy"/> write the config entry it wants, given the one it finds there? An entry without
    /// owner meta is adopted only when it already invokes exactly <paramref name="wantedArn"/> (the Go registrator wrote it).
    /// </summary>
    /// <param name="meta">The found entry's meta.</param>
    /// <param name="pointsAt">The Lambda ARN the found entry invokes, when its kind says one; null otherwise.</param>
    /// <param name="what">How messages name it, e.g. <c>service-defaults "orders" (dc=dc1)</c>.</param>
    /// <param name="registratorId">This source's owner id.</param>
    /// <param name="wantedBy">The function that wants the entry, unqualified.</param>
    /// <param name="wantedArn">The (qualified) ARN the wanted entry invokes.</param>
    /// <param name="released">True when a previous owning function no longer claims the name in this sync.</param>
    public static OwnershipClaim ClaimConfigEntry(
        IReadOnlyDictionary<string, string> meta, string? pointsAt, string what, string registratorId, LambdaArn wantedBy, string wantedArn, Func<LambdaArn, bool> released)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var adoptable = pointsAt is not null && string.Equals(pointsAt, wantedArn, StringComparison.Ordinal);
        if (OwnerOf(meta) is null && !adoptable)
        {
            return OwnershipClaim.Refused(pointsAt is null
                ? $"{what} exists and was not written by a Lambda registrator"
                : $"{what} points at {pointsAt}, not {wantedArn}, and has no owner meta");
        }

        return Claim(meta, what, registratorId, wantedBy, adoptable, released);
    }

    /// <summary>Another instance of the wanted service name on the node (a different service ID) blocks the name unless this source owns it.</summary>
    public static OwnershipClaim ClaimName(CatalogService otherInstance, string nodeName, string serviceName, string registratorId)
    {
        ArgumentNullException.ThrowIfNull(otherInstance);
        return IsOwnedBy(otherInstance.Meta, registratorId)
            ? OwnershipClaim.Granted(null)
            : OwnershipClaim.Refused($"node {nodeName} already has an instance of service \"{serviceName}\" with ID \"{otherInstance.Id}\" that this registrator does not own");
    }

    private static OwnershipClaim Claim(
        IReadOnlyDictionary<string, string> meta, string what, string registratorId, LambdaArn wantedBy, bool adoptable, Func<LambdaArn, bool> released)
    {
        ArgumentNullException.ThrowIfNull(wantedBy);
        ArgumentNullException.ThrowIfNull(released);
        if (OwnerOf(meta) is not { } owner)
        {
            // Why: the Go registrator writes no owner meta; its objects for the same function are taken over, not refused.
            return adoptable
                ? OwnershipClaim.Granted($"adopting {what.Split(' ')[0]} written without owner meta (Go registrator)") with { Adopts = true }
                : OwnershipClaim.Refused($"{what} exists and is not managed by a Lambda registrator");
        }

        if (!string.Equals(owner, registratorId, StringComparison.Ordinal))
        {
            return OwnershipClaim.Refused($"{what} is owned by registrator \"{owner}\"");
        }

        if (meta.TryGetValue(FunctionArnKey, out var ownerText) && LambdaArn.TryParse(ownerText, out var ownerArn, out _)
            && !ownerArn.Unqualified.Equals(wantedBy))
        {
            return released(ownerArn.Unqualified)
                ? OwnershipClaim.Granted($"taking over from {ownerArn}, which no longer claims it")
                : OwnershipClaim.Refused($"{what} belongs to {ownerArn}, whose state is unknown in this sync; a full sync with readable tags resolves it");
        }

        return OwnershipClaim.Granted(null);
    }
}
