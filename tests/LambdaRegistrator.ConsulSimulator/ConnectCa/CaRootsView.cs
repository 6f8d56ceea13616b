namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>The JSON shape of <c>structs.IndexedCARoots</c> (<c>GET /v1/agent/connect/ca/roots</c>).</summary>
internal sealed record CaRootsView(string ActiveRootID, string TrustDomain, List<CaRootView> Roots);
