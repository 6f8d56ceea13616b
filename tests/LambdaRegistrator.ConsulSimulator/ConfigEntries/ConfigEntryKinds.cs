namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>The config entry kinds Consul knows (<c>structs.MakeConfigEntry</c>); the lookup is case-sensitive like Consul's.</summary>
internal static class ConfigEntryKinds
{
    public const string ServiceDefaults = "service-defaults";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ServiceDefaults, "proxy-defaults", "service-router", "service-splitter", "service-resolver", "ingress-gateway",
        "terminating-gateway", "service-intentions", "mesh", "exported-services", "sameness-group", "api-gateway",
        "bound-api-gateway", "http-route", "tcp-route", "grpc-route", "inline-certificate", "file-system-certificate",
        "jwt-provider", "control-plane-request-limit",
    };

    /// <summary>Kinds whose ACL is <c>service:read</c>/<c>service:write</c> on the entry name; the rest need <c>mesh:write</c>.</summary>
    public static bool IsServiceScoped(string kind) =>
        kind is ServiceDefaults or "service-router" or "service-splitter" or "service-resolver";
}
