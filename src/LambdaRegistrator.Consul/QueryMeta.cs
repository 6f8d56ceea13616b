namespace LambdaRegistrator.Consul;

/// <summary>The metadata Consul returns with a read (<c>X-Consul-*</c> headers).</summary>
/// <param name="LastIndex"><c>X-Consul-Index</c>: the raft index of the data read; 0 when the header was absent.</param>
/// <param name="KnownLeader"><c>X-Consul-KnownLeader</c>.</param>
/// <param name="LastContact"><c>X-Consul-LastContact</c>: time since the serving server heard from the leader.</param>
/// <param name="DefaultAclPolicy"><c>X-Consul-Default-ACL-Policy</c> (<c>allow</c>/<c>deny</c>) when sent.</param>
/// <param name="ResultsFilteredByAcls"><c>X-Consul-Results-Filtered-By-ACLs</c>: entries were hidden from this token.</param>
public sealed record QueryMeta(
    ulong LastIndex,
    bool KnownLeader,
    TimeSpan LastContact,
    string? DefaultAclPolicy,
    bool ResultsFilteredByAcls);
