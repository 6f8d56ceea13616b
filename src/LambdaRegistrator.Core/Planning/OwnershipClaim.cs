namespace LambdaRegistrator.Core.Planning;

/// <summary>The answer of an <see cref="Ownership"/> rule: may the object be written, and what to say about it.</summary>
/// <param name="IsGranted">True when the object may be written.</param>
/// <param name="Note">When granted: a note for the action's reason (adoption, take-over); null when there is nothing to say.</param>
/// <param name="Collision">When refused: what holds the name, as the end of a collision sentence.</param>
public sealed record OwnershipClaim(bool IsGranted, string? Note, string? Collision)
{
    /// <summary>True when the grant takes over an object the Go registrator wrote (no owner meta).</summary>
    public bool Adopts { get; init; }

    /// <summary>The object may be written.</summary>
    public static OwnershipClaim Granted(string? note) => new(true, note, null);

    /// <summary>The object may not be written because <paramref name="collision"/>.</summary>
    public static OwnershipClaim Refused(string collision) => new(false, null, collision);
}
