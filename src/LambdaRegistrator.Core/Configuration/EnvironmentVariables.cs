namespace LambdaRegistrator.Core.Configuration;

/// <summary>Names of the environment variables the registrator reads; the same names as the Go original and the Terraform module.</summary>
public static class EnvironmentVariables
{
    /// <summary>Consul node that holds every Lambda service (default <c>lambdas</c>).</summary>
    public const string NodeName = "NODE_NAME";

    /// <summary>When set, only functions whose datacenter tag matches (or is absent) are managed.</summary>
    public const string Datacenter = "DATACENTER";

    /// <summary>The WAN federation's primary datacenter, where config entries are read and written; unset: discovered from the agent.</summary>
    public const string ConsulPrimaryDatacenter = "CONSUL_PRIMARY_DATACENTER";

    /// <summary><c>true</c> when the Consul servers run Enterprise (partitions and namespaces).</summary>
    public const string Enterprise = "ENTERPRISE";

    /// <summary>Comma-separated admin partitions this registrator manages (Enterprise only).</summary>
    public const string Partitions = "PARTITIONS";

    /// <summary>Log level: trace, debug, info, warn or error.</summary>
    public const string LogLevel = "LOG_LEVEL";

    /// <summary>ListFunctions page size, 1 to 50.</summary>
    public const string PageSize = "PAGE_SIZE";

    /// <summary>SSM parameter holding the Consul ACL token.</summary>
    public const string ConsulHttpTokenPath = "CONSUL_HTTP_TOKEN_PATH";

    /// <summary>SSM parameter holding the Consul CA certificate (PEM).</summary>
    public const string ConsulCACertPath = "CONSUL_CACERT_PATH";

    /// <summary>SSM path prefix under which mesh identity data for the consul-lambda-extension is written.</summary>
    public const string ConsulExtensionDataPrefix = "CONSUL_EXTENSION_DATA_PREFIX";

    /// <summary>SSM tier for extension data that does not fit a Standard parameter.</summary>
    public const string ConsulExtensionDataTier = "CONSUL_EXTENSION_DATA_TIER";

    /// <summary>Owner id written into Consul meta (default <c>&lt;account&gt;/&lt;region&gt;</c>).</summary>
    public const string RegistratorId = "REGISTRATOR_ID";

    /// <summary>How a full sync lists functions and tags: tagging or list-functions.</summary>
    public const string InventoryStrategy = "INVENTORY_STRATEGY";

    /// <summary>service-defaults shape: envoy-extension (Consul 1.15+) or legacy-meta (Consul 1.12-1.14).</summary>
    public const string ServiceDefaultsFormat = "SERVICE_DEFAULTS_FORMAT";

    /// <summary>Stop starting writes this many milliseconds before the Lambda deadline.</summary>
    public const string DeadlineMarginMs = "DEADLINE_MARGIN_MS";

    /// <summary>Parallel Consul writes and GetFunction calls.</summary>
    public const string MaxConcurrency = "MAX_CONCURRENCY";

    /// <summary>Terminating-gateway service whose terminating-gateway config entry lists the Lambda services.</summary>
    public const string TerminatingGateway = "TERMINATING_GATEWAY";

    /// <summary>Comma-separated consumers (partition:&lt;n&gt;, peer:&lt;n&gt;, sameness-group:&lt;n&gt;) the Lambda services are exported to.</summary>
    public const string ExportTo = "EXPORT_TO";

    /// <summary>true: create a missing terminating-gateway or exported-services entry (never delete one).</summary>
    public const string CreateGatewayEntries = "CREATE_GATEWAY_ENTRIES";

    /// <summary><c>true</c>: full syncs adopt every Go-written (unowned) managed-by-lambda-registrator service on NODE_NAME.</summary>
    public const string AdoptUnownedServices = "ADOPT_UNOWNED_SERVICES";

    /// <summary>The accounts and regions to inventory: a JSON list of <c>{"role_arn","regions","external_id","registrator_id","include","exclude"}</c> (unset: the registrator's own account and region).</summary>
    public const string Sources = "SOURCES";

    /// <summary>Comma-separated function-name globs a function must match to be registered, in every source.</summary>
    public const string FunctionInclude = "FUNCTION_INCLUDE";

    /// <summary>Comma-separated function-name globs of functions never registered, in every source.</summary>
    public const string FunctionExclude = "FUNCTION_EXCLUDE";
}
