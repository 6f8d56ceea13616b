namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>An issued leaf certificate as the agent caches it; <see cref="ToString"/> hides the private key.</summary>
internal sealed record LeafCertificate(
    string SerialNumber,
    string CertPem,
    string PrivateKeyPem,
    string Service,
    string ServiceUri,
    DateTimeOffset ValidAfter,
    DateTimeOffset ValidBefore,
    ulong Index)
{
    /// <summary>Why: the agent renews a leaf once 60% of its lifetime has passed (its cache refreshes between 60% and 90%).</summary>
    public DateTimeOffset RenewAt => ValidAfter + ((ValidBefore - ValidAfter) * 0.6);

    public override string ToString() => $"LeafCertificate {{ Service = {Service}, SerialNumber = {SerialNumber}, ValidBefore = {ValidBefore:O} }}";
}
