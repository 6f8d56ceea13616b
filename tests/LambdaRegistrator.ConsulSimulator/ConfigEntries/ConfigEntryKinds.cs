namespace LambdaRegistrator.ConsulSimulator.ConfigEntries;

/// <summary>The config entry kinds Consul knows (<c>structs.MakeConfigEntry</c>); the lookup is case-sensitive like Consul's.</summary>
internal static class ConfigEntryKinds
{
    public const string ServiceDefaults = "service-defaults";
    public const string TerminatingGateway = "terminating-gateway";
    public const string ExportedServices = "exported-services";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ServiceDefaults, "proxy-defaults", "service-router", "service-splitter", "service-resolver", "ingress-gateway",
        TerminatingGateway, "service-intentions", "mesh", ExportedServices, "sameness-group", "api-gateway",
        "bound-api-gateway", "http-route", "tcp-route", "grpc-route", "inline-certificate", "file-system-certificate",
        "jwt-provider", "control-plane-request-limit",
    };
}
