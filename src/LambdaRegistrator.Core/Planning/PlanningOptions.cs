using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Sources;

namespace LambdaRegistrator.Core.Planning;

/// <summary>The settings the planner needs, resolved (owner id known).</summary>
public sealed record PlanningOptions
{
    /// <summary>Creates options with Community Edition defaults.</summary>
    /// <param name="nodeName">NODE_NAME.</param>
    /// <param name="source">The source whose functions are planned; its registrator id is the owner id written to meta.</param>
    public PlanningOptions(string nodeName, Source source)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nodeName);
        ArgumentNullException.ThrowIfNull(source);
        NodeName = nodeName;
        Source = source;
    }

    /// <summary>NODE_NAME.</summary>
    public string NodeName { get; }

    /// <summary>The source whose functions are planned: functions elsewhere are skipped, and only objects carrying its owner id are this registrator's.</summary>
    public Source Source { get; init; }

    /// <summary>The owner id written to meta (the source's).</summary>
    public string RegistratorId => Source.RegistratorId;

    /// <summary>DATACENTER: when set, functions tagged for another datacenter are not managed, and untagged ones go here.</summary>
    public string? Datacenter { get; init; }

    /// <summary>The name of the Consul agent's own datacenter, when the shell knows it; used for functions without a datacenter tag so that they share keys with ones tagged with that name.</summary>
    public string? LocalDatacenter { get; init; }

    /// <summary>
    /// The primary datacenter of the WAN federation (CONSUL_PRIMARY_DATACENTER, else discovered by the shell): config
    /// entries live there. Null when unknown: config entries are then read and written in each service's datacenter.
    /// </summary>
    public string? PrimaryDatacenter { get; init; }

    /// <summary>
    /// Every datacenter of the federation the shell listed (<c>/v1/catalog/datacenters</c>); without DATACENTER each of
    /// them is read, so that services this registrator left in a datacenter no tag names any more are still found.
    /// </summary>
    public IReadOnlyList<string> Datacenters { get; init; } = [];

    /// <summary>ENTERPRISE.</summary>
    public bool Enterprise { get; init; }

    /// <summary>PARTITIONS (Enterprise): functions in other partitions are not managed.</summary>
    public IReadOnlySet<string> Partitions { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "default" };

    /// <summary>service-defaults shape.</summary>
    public ServiceDefaultsFormat ServiceDefaultsFormat { get; init; } = ServiceDefaultsFormat.EnvoyExtension;

    /// <summary>CONSUL_EXTENSION_DATA_PREFIX without trailing slash; null when extension data is off.</summary>
    public string? ExtensionDataPrefix { get; init; }

    /// <summary>TERMINATING_GATEWAY: the gateway whose terminating-gateway entry lists the Lambda services; null when off.</summary>
    public string? TerminatingGateway { get; init; }

    /// <summary>EXPORT_TO: consumers the Lambda services are exported to; empty when off.</summary>
    public IReadOnlyList<ExportConsumer> ExportTo { get; init; } = [];

    /// <summary>CREATE_GATEWAY_ENTRIES: create a missing shared entry.</summary>
    public bool CreateGatewayEntries { get; init; }

    /// <summary>ADOPT_UNOWNED_SERVICES: a complete full sync takes over the Go-written services no function claims (and removes those whose function is done with them).</summary>
    public bool AdoptUnownedServices { get; init; }

    /// <summary>Planning options from parsed configuration.</summary>
    /// <param name="options">The parsed environment.</param>
    /// <param name="source">The source to plan, with its resolved owner id.</param>
    /// <param name="localDatacenter">The agent's datacenter name, if known.</param>
    /// <param name="primaryDatacenter">The federation's primary datacenter, if known.</param>
    /// <param name="datacenters">The federation's datacenters, if listed.</param>
    public static PlanningOptions From(
        RegistratorOptions options, Source source, string? localDatacenter = null, string? primaryDatacenter = null, IReadOnlyList<string>? datacenters = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PlanningOptions(options.NodeName, source)
        {
            Datacenter = options.Datacenter,
            LocalDatacenter = localDatacenter,
            PrimaryDatacenter = primaryDatacenter,
            Datacenters = datacenters ?? [],
            Enterprise = options.Enterprise,
            Partitions = new HashSet<string>(options.Partitions, StringComparer.OrdinalIgnoreCase),
            ServiceDefaultsFormat = options.ServiceDefaultsFormat,
            ExtensionDataPrefix = options.ExtensionDataPrefix,
            TerminatingGateway = options.TerminatingGateway,
            ExportTo = options.ExportTo,
            CreateGatewayEntries = options.CreateGatewayEntries,
            AdoptUnownedServices = options.AdoptUnownedServices,
        };
    }
}
