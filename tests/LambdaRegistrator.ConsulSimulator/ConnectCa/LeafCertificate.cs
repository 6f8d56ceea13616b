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
    DateTimeOffset IssuedAt,
    ulong Index)
{
    /// <summary>
    /// Why: the agent renews a leaf once 60% of its lifetime has passed (its cache refreshes between 60% and 90%).
    /// Measured from issuance, not from the back-dated ValidAfter, so short test TTLs renew promptly.
    /// </summary>
    public DateTimeOffset RenewAt => IssuedAt + ((ValidBefore - IssuedAt) * 0.6);

    public override string ToString() => $"LeafCertificate {{ Service = {Service}, SerialNumber = {SerialNumber}, ValidBefore = {ValidBefore:O} }}";
}
