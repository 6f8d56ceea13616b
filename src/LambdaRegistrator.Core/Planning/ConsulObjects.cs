using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// What a sync writes to Consul for one Lambda service: the catalog registration on NODE_NAME (an external node, as
/// in Consul's manual Lambda registration guide) and the service's config entries: today the service-defaults entry
/// that tells Envoy to invoke the function. Everything carries the owner meta of <see cref="Ownership"/>.
/// </summary>
/// <remarks>
/// A further per-service kind (e.g. service-intentions for the Lambda services) is one kind file in ConfigEntries,
/// its builder here, and its name in <see cref="ServiceEntryKinds"/>: it is then read, compared, written before the
/// registration and deleted before the deregistration like service-defaults.
/// </remarks>
public static class ConsulObjects
{
    /// <summary>The protocol of every Lambda service's service-defaults entry.</summary>
    public const string Protocol = "http";

    /// <summary>Service meta key Consul's UI reads to show where a service came from.</summary>
    public const string ExternalSourceKey = "external-source";

    /// <summary>The <see cref="ExternalSourceKey"/> value the UI shows as "Registered via AWS Lambda" (<c>ui/packages/consul-ui/app/helpers/service/external-source.js</c>).</summary>
    public const string ExternalSource = "lambda";

    /// <summary>Node meta of the external node (used only when the node does not exist yet).</summary>
    public static IReadOnlyDictionary<string, string> NodeMeta { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["external-node"] = "true",
        ["external-probe"] = "true",
    };

    /// <summary>The kinds of config entry written per Lambda service, in write order: read before planning, deleted with the service.</summary>
    public static IReadOnlyList<string> ServiceEntryKinds { get; } = [ConfigEntries.ServiceDefaults.KindName];

    /// <summary>Where the config entries of a service registered in <paramref name="catalogScope"/> live.</summary>
    /// <remarks>
    /// Why: catalog registrations live in each datacenter, but in a WAN federation config entries are global per
    /// partition and namespace and live in the primary datacenter (Consul forwards every config entry write there and
    /// serves secondaries replicated copies with their own, lagging ModifyIndex). Reading them from the primary gives
    /// the index a check-and-set write is compared with there, and a read that cannot lag behind the last write.
    /// Without a known primary they stay in the service's datacenter (a single datacenter is its own primary).
    /// </remarks>
    public static ConsulScope ConfigEntryScope(ConsulScope catalogScope, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.PrimaryDatacenter is { } primary ? new ConsulScope(primary, catalogScope.Partition, catalogScope.Namespace) : catalogScope;
    }

    /// <summary>The key of the <paramref name="kind"/> entry of catalog service <paramref name="service"/>.</summary>
    public static ConfigEntryKey ConfigEntryKeyOf(string kind, ServiceKey service, PlanningOptions options) =>
        new(kind, ConfigEntryScope(service.Scope, options), service.Name);

    /// <summary>
    /// The service key a per-service config entry names in its own scope. Outside a federation that is the catalog
    /// service it belongs to; in one, every datacenter's service of that name shares the entry.
    /// </summary>
    public static ServiceKey ServiceOf(ConfigEntryKey entry) => entry.Scope.Service(entry.Name);

    /// <summary>The catalog registration of <paramref name="service"/> on NODE_NAME; its service ID is its name.</summary>
    internal static CatalogRegistration Registration(DesiredService service, PlanningOptions options)
    {
        var meta = Ownership.Meta(options.Source.RegistratorId, service.Function.Arn);
        meta[ExternalSourceKey] = ExternalSource;
        return new(options.NodeName, NodeMeta, new CatalogService(service.Key.Name, service.Key.Name, [Ownership.ManagedTag], meta));
    }

    /// <summary>The config entries of <paramref name="service"/>, one per <see cref="ServiceEntryKinds"/> kind, in that order.</summary>
    internal static IReadOnlyList<ConfigEntry> ConfigEntriesOf(DesiredService service, PlanningOptions options) => [ServiceDefaultsOf(service, options)];

    /// <summary>The service-defaults entry of <paramref name="service"/> in the configured format (SERVICE_DEFAULTS_FORMAT).</summary>
    internal static ConfigEntry ServiceDefaultsOf(DesiredService service, PlanningOptions options)
    {
        var meta = Ownership.Meta(options.Source.RegistratorId, service.Function.Arn);
        var registration = service.Registration;

        // Why: Consul's lambda extension and the serverless plugin only recognise lower-case "asynchronous";
        // the Go registrator writes "ASYNCHRONOUS", so its async functions are invoked synchronously.
        var mode = registration.InvocationMode == InvocationMode.Asynchronous ? "asynchronous" : "synchronous";
        if (options.ServiceDefaultsFormat == ServiceDefaultsFormat.LegacyMeta)
        {
            meta[LegacyServiceDefaultsMeta.Enabled] = "true";
            meta[LegacyServiceDefaultsMeta.Arn] = service.ServiceArn;
            meta[LegacyServiceDefaultsMeta.PayloadPassthrough] = registration.PayloadPassthrough ? "true" : "false";
            meta[LegacyServiceDefaultsMeta.Region] = service.Function.Arn.Region!;
            meta[LegacyServiceDefaultsMeta.InvocationMode] = mode;
            return new ConfigEntry(service.Key.Name, meta, new ServiceDefaults(Protocol, []));
        }

        var arguments = JsonFields.LambdaArguments(service.ServiceArn, registration.PayloadPassthrough, mode);
        return new ConfigEntry(service.Key.Name, meta, new ServiceDefaults(Protocol, [new EnvoyExtension(EnvoyExtension.AwsLambda, false, arguments)]));
    }
}
