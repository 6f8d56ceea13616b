namespace LambdaRegistrator.ConsulSimulator.ConnectCa;

/// <summary>The JSON shape of <c>structs.CARoot</c>.</summary>
internal sealed record CaRootView(
    string ID,
    string Name,
    ulong SerialNumber,
    string SigningKeyID,
    string ExternalTrustDomain,
    string NotBefore,
    string NotAfter,
    string RootCert,
    List<string>? IntermediateCerts,
    bool Active,
    string RotatedOutAt,
    string PrivateKeyType,
    int PrivateKeyBits,
    ulong CreateIndex,
    ulong ModifyIndex);
