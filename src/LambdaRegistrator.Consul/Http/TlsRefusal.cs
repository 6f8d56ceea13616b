using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Consul.Http;

/// <summary>Why a server certificate was refused, and what to set (no secrets).</summary>
internal sealed record TlsRefusal(TlsFailureKind Kind, string Reason);
