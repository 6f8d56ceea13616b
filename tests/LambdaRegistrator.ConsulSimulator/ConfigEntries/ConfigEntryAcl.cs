using LambdaRegistrator.ConsulSimulator.Acl;
using LambdaRegistrator.ConsulSimulator.Http;

namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>
/// <c>CanRead</c> / <c>CanWrite</c> of each config entry kind (<c>agent/structs/config_entry*.go</c>):
/// service-defaults, service-router, service-splitter and service-resolver need <c>service:read</c> /
/// <c>service:write</c> on the entry name; terminating-gateway (and ingress/api gateways) need <c>service:read</c> on the
/// gateway name to read and <c>mesh:write</c> to write; exported-services needs <c>mesh:read</c> / <c>mesh:write</c>
/// (<c>mesh</c> falls back to <c>operator</c> when no policy sets it, <c>policyAuthorizer.MeshRead</c>).
/// The other kinds are readable by anyone here and need <c>mesh:write</c> to write.
/// </summary>
internal static class ConfigEntryAcl
{
    private static bool ServiceScoped(string kind) =>
        kind is ConfigEntryKinds.ServiceDefaults or "service-router" or "service-splitter" or "service-resolver";

    private static bool GatewayScoped(string kind) =>
        kind is ConfigEntryKinds.TerminatingGateway or "ingress-gateway" or "api-gateway";

    /// <summary>Null when the token may read the entry, else Consul's 403.</summary>
    public static ConsulApiException? ReadDenied(Authorizer authz, string kind, string name)
    {
        if (ServiceScoped(kind) || GatewayScoped(kind))
        {
            return authz.ServiceRead(name) ? null : authz.Denied("service:read", name);
        }

        if (kind == ConfigEntryKinds.ExportedServices)
        {
            return authz.MeshRead ? null : authz.Denied("mesh:read", null);
        }

        return null;
    }

    /// <summary>Null when the token may write (or delete) the entry, else Consul's 403.</summary>
    public static ConsulApiException? WriteDenied(Authorizer authz, string kind, string name)
    {
        if (ServiceScoped(kind))
        {
            return authz.ServiceWrite(name) ? null : authz.Denied("service:write", name);
        }

        return authz.MeshWrite ? null : authz.Denied("mesh:write", null);
    }
}
