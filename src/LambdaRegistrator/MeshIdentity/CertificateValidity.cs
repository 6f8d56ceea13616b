namespace LambdaRegistrator.MeshIdentity;

/// <summary>When a stored leaf certificate is valid; it is refreshed once less than half of its lifetime remains.</summary>
internal readonly record struct CertificateValidity(DateTimeOffset NotBefore, DateTimeOffset NotAfter)
{
    public DateTimeOffset RefreshAfter => NotBefore + ((NotAfter - NotBefore) / 2);

    public bool IsDue(DateTimeOffset now) => now >= RefreshAfter;
}
