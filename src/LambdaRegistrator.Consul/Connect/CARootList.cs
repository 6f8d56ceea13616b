namespace LambdaRegistrator.Consul.Connect;

/// <summary>Response of <c>GET /v1/agent/connect/ca/roots</c>: the trusted Connect CA roots and the trust domain.</summary>
public sealed record CARootList
{
    /// <summary>ID of the root in <see cref="Roots"/> that signs new certificates.</summary>
    public string ActiveRootID { get; init; } = string.Empty;

    /// <summary>The cluster's SPIFFE trust domain, e.g. <c>11111111-2222-3333-4444-555555555555.consul</c>.</summary>
    public string TrustDomain { get; init; } = string.Empty;

    /// <summary>All trusted roots (null in JSON reads as empty).</summary>
    public IReadOnlyList<CARoot> Roots { get; init => field = value ?? []; } = [];

    /// <summary>The root named by <see cref="ActiveRootID"/>, else the one flagged active, else null.</summary>
    public CARoot? ActiveRoot =>
        Roots.FirstOrDefault(r => r.ID == ActiveRootID && ActiveRootID.Length > 0) ?? Roots.FirstOrDefault(r => r.Active);
}
