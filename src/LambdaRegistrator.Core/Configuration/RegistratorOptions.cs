using System.Globalization;
using System.Text.RegularExpressions;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Configuration;

/// <summary>The registrator's own settings, parsed once at cold start from the environment (Consul client variables are parsed by the Consul project).</summary>
public sealed partial record RegistratorOptions
{
    /// <summary>Default <c>NODE_NAME</c>.</summary>
    public const string DefaultNodeName = "lambdas";

    /// <summary>Largest <c>PAGE_SIZE</c>: ListFunctions never returns more than 50 per page.</summary>
    public const int MaxPageSize = 50;

    /// <summary>Default <c>DEADLINE_MARGIN_MS</c>.</summary>
    public const int DefaultDeadlineMarginMs = 2000;

    /// <summary>Largest <c>DEADLINE_MARGIN_MS</c> (the Lambda maximum timeout, 15 minutes).</summary>
    public const int MaxDeadlineMarginMs = 900_000;

    /// <summary>Default <c>MAX_CONCURRENCY</c>.</summary>
    public const int DefaultMaxConcurrency = 8;

    /// <summary>Largest <c>MAX_CONCURRENCY</c>.</summary>
    public const int MaxMaxConcurrency = 64;

    private static readonly (string Name, RegistratorLogLevel Value)[] LogLevels =
    [
        ("trace", RegistratorLogLevel.Trace), ("debug", RegistratorLogLevel.Debug), ("info", RegistratorLogLevel.Info),
        ("warn", RegistratorLogLevel.Warn), ("error", RegistratorLogLevel.Error),
    ];

    private static readonly (string Name, InventoryStrategy Value)[] InventoryStrategies =
        [("tagging", InventoryStrategy.Tagging), ("list-functions", InventoryStrategy.ListFunctions)];

    private static readonly (string Name, ServiceDefaultsFormat Value)[] ServiceDefaultsFormats =
        [("envoy-extension", ServiceDefaultsFormat.EnvoyExtension), ("legacy-meta", ServiceDefaultsFormat.LegacyMeta)];

    /// <summary>The Consul node every Lambda service is registered on.</summary>
    public string NodeName { get; init; } = DefaultNodeName;

    /// <summary>The datacenter this registrator manages; null manages whatever each function's tag says.</summary>
    public string? Datacenter { get; init; }

    /// <summary>CONSUL_PRIMARY_DATACENTER: the WAN federation's primary datacenter, where config entries live; null to discover it from the agent.</summary>
    public string? PrimaryDatacenter { get; init; }

    /// <summary>True for Consul Enterprise (partition and namespace tags are honoured).</summary>
    public bool Enterprise { get; init; }

    /// <summary>Managed admin partitions (Enterprise); trimmed, de-duplicated, <c>default</c> when ENTERPRISE is true and PARTITIONS is unset.</summary>
    public IReadOnlyList<string> Partitions { get; init; } = [];

    /// <summary>Minimum level to log.</summary>
    public RegistratorLogLevel LogLevel { get; init; } = RegistratorLogLevel.Info;

    /// <summary>ListFunctions page size.</summary>
    public int PageSize { get; init; } = MaxPageSize;

    /// <summary>SSM parameter name (or ARN) of the Consul ACL token; null when the token comes from Consul's own variables.</summary>
    public string? ConsulHttpTokenPath { get; init; }

    /// <summary>SSM parameter name (or ARN) of the Consul CA certificate; null when not used.</summary>
    public string? ConsulCACertPath { get; init; }

    /// <summary>SSM path prefix for extension data, without a trailing slash; null disables extension data.</summary>
    public string? ExtensionDataPrefix { get; init; }

    /// <summary>SSM tier used when extension data exceeds 4 KiB.</summary>
    public ParameterTier ExtensionDataTier { get; init; } = ParameterTier.Standard;

    /// <summary>Explicit owner id; null means derive <c>&lt;account&gt;/&lt;region&gt;</c> with <see cref="ResolveRegistratorId"/>.</summary>
    public string? RegistratorId { get; init; }

    /// <summary>How full syncs list functions.</summary>
    public InventoryStrategy InventoryStrategy { get; init; } = InventoryStrategy.Tagging;

    /// <summary>Which service-defaults shape to write.</summary>
    public ServiceDefaultsFormat ServiceDefaultsFormat { get; init; } = ServiceDefaultsFormat.EnvoyExtension;

    /// <summary>Stop starting writes this long before the Lambda deadline.</summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromMilliseconds(DefaultDeadlineMarginMs);

    /// <summary>Parallel Consul writes and GetFunction calls.</summary>
    public int MaxConcurrency { get; init; } = DefaultMaxConcurrency;

    /// <summary>TERMINATING_GATEWAY: the gateway whose terminating-gateway entry lists the Lambda services; null leaves every gateway entry alone.</summary>
    public string? TerminatingGateway { get; init; }

    /// <summary>EXPORT_TO: consumers the Lambda services are exported to in the partition's exported-services entry; empty leaves it alone.</summary>
    public IReadOnlyList<ExportConsumer> ExportTo { get; init; } = [];

    /// <summary>CREATE_GATEWAY_ENTRIES: create the terminating-gateway or exported-services entry when it does not exist (it is never deleted).</summary>
    public bool CreateGatewayEntries { get; init; }

    /// <summary>ADOPT_UNOWNED_SERVICES: full syncs take over every Go-written service on NODE_NAME (right when one registrator serves the Consul).</summary>
    public bool AdoptUnownedServices { get; init; }

    /// <summary>SOURCES, FUNCTION_INCLUDE and FUNCTION_EXCLUDE: the accounts and regions inventoried and the function names registered.</summary>
    public SourceSet Sources { get; init; } = SourceSet.Default;

    /// <summary>The owner id to write: <see cref="RegistratorId"/> when set, otherwise <c>&lt;accountId&gt;/&lt;region&gt;</c>.</summary>
    public string ResolveRegistratorId(string accountId, string region)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accountId);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        return RegistratorId ?? $"{accountId}/{region}";
    }

    /// <summary>Parses the registrator's variables; empty or whitespace-only values count as unset. Never throws for bad values.</summary>
    /// <param name="getEnv">Reads one variable (e.g. <c>Environment.GetEnvironmentVariable</c>); null when unset.</param>
    public static RegistratorOptionsResult Parse(Func<string, string?> getEnv)
    {
        ArgumentNullException.ThrowIfNull(getEnv);
        var errors = new List<ConfigurationError>();
        string? Read(string name)
        {
            var value = getEnv(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        var nodeName = Read(EnvironmentVariables.NodeName) ?? DefaultNodeName;
        if (!ConsulNameRegex().IsMatch(nodeName) || nodeName.Length > 128)
        {
            errors.Add(Invalid(EnvironmentVariables.NodeName, nodeName, "is not a valid Consul node name",
                "1 to 128 characters from A-Z, a-z, 0-9, '.', '_' and '-' (default \"lambdas\")"));
        }

        var datacenter = Read(EnvironmentVariables.Datacenter);
        if (datacenter is not null && !ConsulScopeNameRegex().IsMatch(datacenter))
        {
            errors.Add(Invalid(EnvironmentVariables.Datacenter, datacenter, "is not a valid Consul datacenter name",
                "1 to 64 characters from A-Z, a-z, 0-9, '_' and '-', or unset to manage every datacenter named by function tags"));
        }

        var primaryDatacenter = Read(EnvironmentVariables.ConsulPrimaryDatacenter);
        if (primaryDatacenter is not null && !ConsulScopeNameRegex().IsMatch(primaryDatacenter))
        {
            errors.Add(Invalid(EnvironmentVariables.ConsulPrimaryDatacenter, primaryDatacenter, "is not a valid Consul datacenter name",
                "1 to 64 characters from A-Z, a-z, 0-9, '_' and '-', or unset to discover the primary datacenter from the agent"));
        }

        var enterprise = false;
        var enterpriseRaw = Read(EnvironmentVariables.Enterprise);
        if (enterpriseRaw is not null && !TryParseGoBool(enterpriseRaw, out enterprise))
        {
            errors.Add(Invalid(EnvironmentVariables.Enterprise, enterpriseRaw, "is not a boolean",
                "true or false (also 1/0, t/f, any case; default false)"));
        }

        var partitions = new List<string>();
        var partitionsRaw = Read(EnvironmentVariables.Partitions);
        if (partitionsRaw is not null)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var part in partitionsRaw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!ConsulScopeNameRegex().IsMatch(part))
                {
                    errors.Add(Invalid(EnvironmentVariables.Partitions, part, "contains an invalid admin partition name",
                        "a comma-separated list of names of 1 to 64 characters from A-Z, a-z, 0-9, '_' and '-'"));
                }
                else if (seen.Add(part))
                {
                    partitions.Add(part);
                }
            }
        }

        // Why: the Go registrator with ENTERPRISE=true and no PARTITIONS manages nothing at all; managing the
        // default partition is the only useful reading of that configuration.
        if (enterprise && partitions.Count == 0)
        {
            partitions.Add("default");
        }

        var logLevel = ReadChoice(EnvironmentVariables.LogLevel, Read(EnvironmentVariables.LogLevel), RegistratorLogLevel.Info, LogLevels,
            "is not a log level", "trace, debug, info, warn or error (default info)", errors);

        var pageSize = ReadInt(EnvironmentVariables.PageSize, Read(EnvironmentVariables.PageSize), 1, MaxPageSize, MaxPageSize, errors);

        var tokenPath = Read(EnvironmentVariables.ConsulHttpTokenPath);
        if (tokenPath is not null)
        {
            ValidateParameterName(EnvironmentVariables.ConsulHttpTokenPath, tokenPath, errors);
        }

        var caPath = Read(EnvironmentVariables.ConsulCACertPath);
        if (caPath is not null)
        {
            ValidateParameterName(EnvironmentVariables.ConsulCACertPath, caPath, errors);
        }

        var prefix = Read(EnvironmentVariables.ConsulExtensionDataPrefix);
        if (prefix is not null)
        {
            var trimmed = prefix.TrimEnd('/');
            if (trimmed.Length == 0 || !ParameterPathRegex().IsMatch(trimmed) || trimmed.Length > 1024 || HasReservedFirstSegment(trimmed))
            {
                errors.Add(Invalid(EnvironmentVariables.ConsulExtensionDataPrefix, prefix, "is not a usable SSM parameter path prefix",
                    "a path starting with '/' made of A-Z, a-z, 0-9, '_', '.', '-' and '/', whose first segment does not start with 'aws' or 'ssm', e.g. /consul/lambda/extension-data"));
            }
            else
            {
                prefix = trimmed;
            }
        }

        var tier = ReadChoice(EnvironmentVariables.ConsulExtensionDataTier, Read(EnvironmentVariables.ConsulExtensionDataTier), ParameterTier.Standard,
            ParameterTiers.All, "is not an SSM parameter tier", "Standard, Advanced or Intelligent-Tiering (default Standard)", errors);

        var registratorId = Read(EnvironmentVariables.RegistratorId);
        if (registratorId is not null && !RegistratorIdRegex().IsMatch(registratorId))
        {
            errors.Add(Invalid(EnvironmentVariables.RegistratorId, registratorId, "is not a valid owner id",
                "1 to 128 characters from A-Z, a-z, 0-9 and . _ - / : @ + =, or unset for <account>/<region>"));
        }

        var strategy = ReadChoice(EnvironmentVariables.InventoryStrategy, Read(EnvironmentVariables.InventoryStrategy), InventoryStrategy.Tagging,
            InventoryStrategies, "is not an inventory strategy", "tagging or list-functions (default tagging)", errors);

        var format = ReadChoice(EnvironmentVariables.ServiceDefaultsFormat, Read(EnvironmentVariables.ServiceDefaultsFormat), ServiceDefaultsFormat.EnvoyExtension,
            ServiceDefaultsFormats, "is not a service-defaults format",
            "envoy-extension (Consul 1.15+) or legacy-meta (Consul 1.12-1.14) (default envoy-extension)", errors);

        var marginMs = ReadInt(EnvironmentVariables.DeadlineMarginMs, Read(EnvironmentVariables.DeadlineMarginMs), 0, MaxDeadlineMarginMs, DefaultDeadlineMarginMs, errors);
        var concurrency = ReadInt(EnvironmentVariables.MaxConcurrency, Read(EnvironmentVariables.MaxConcurrency), 1, MaxMaxConcurrency, DefaultMaxConcurrency, errors);

        var gateway = Read(EnvironmentVariables.TerminatingGateway);
        if (gateway is not null && (gateway.Length > 256 || !GatewayNameRegex().IsMatch(gateway)))
        {
            errors.Add(Invalid(EnvironmentVariables.TerminatingGateway, gateway, "is not a Consul service name",
                "letters, digits, '-', '_' and '.', starting and ending with a letter or digit (the terminating gateway's service name), or unset to leave gateway entries alone"));
        }

        var exportTo = ParseExportTo(Read(EnvironmentVariables.ExportTo), enterprise, errors);

        var createEntries = false;
        var createRaw = Read(EnvironmentVariables.CreateGatewayEntries);
        if (createRaw is not null && !TryParseGoBool(createRaw, out createEntries))
        {
            errors.Add(Invalid(EnvironmentVariables.CreateGatewayEntries, createRaw, "is not a boolean",
                "true or false (also 1/0, t/f, any case; default false)"));
        }

        if (createEntries && gateway is null && exportTo.Count == 0)
        {
            errors.Add(new ConfigurationError(EnvironmentVariables.CreateGatewayEntries,
                $"{EnvironmentVariables.CreateGatewayEntries}=true but neither {EnvironmentVariables.TerminatingGateway} nor {EnvironmentVariables.ExportTo} is set: there is no entry to create; set one of them or unset {EnvironmentVariables.CreateGatewayEntries}."));
        }

        var adopt = false;
        var adoptRaw = Read(EnvironmentVariables.AdoptUnownedServices);
        if (adoptRaw is not null && !TryParseGoBool(adoptRaw, out adopt))
        {
            errors.Add(Invalid(EnvironmentVariables.AdoptUnownedServices, adoptRaw, "is not a boolean",
                "true or false (also 1/0, t/f, any case; default false)"));
        }

        var sources = SourceSet.Parse(
            Read(EnvironmentVariables.Sources), Read(EnvironmentVariables.FunctionInclude), Read(EnvironmentVariables.FunctionExclude), errors);

        if (errors.Count > 0 || sources is null)
        {
            return RegistratorOptionsResult.Failure(errors);
        }

        return RegistratorOptionsResult.Success(new RegistratorOptions
        {
            NodeName = nodeName,
            Datacenter = datacenter,
            PrimaryDatacenter = primaryDatacenter,
            Enterprise = enterprise,
            Partitions = partitions,
            LogLevel = logLevel,
            PageSize = pageSize,
            ConsulHttpTokenPath = tokenPath,
            ConsulCACertPath = caPath,
            ExtensionDataPrefix = prefix,
            ExtensionDataTier = tier,
            RegistratorId = registratorId,
            InventoryStrategy = strategy,
            ServiceDefaultsFormat = format,
            DeadlineMargin = TimeSpan.FromMilliseconds(marginMs),
            MaxConcurrency = concurrency,
            TerminatingGateway = gateway,
            ExportTo = exportTo,
            CreateGatewayEntries = createEntries,
            AdoptUnownedServices = adopt,
            Sources = sources,
        });
    }

    /// <summary>The value named by <paramref name="raw"/> (any case), <paramref name="fallback"/> when unset; an error otherwise.</summary>
    private static T ReadChoice<T>(
        string name, string? raw, T fallback, IReadOnlyList<(string Name, T Value)> choices, string problem, string allowed, List<ConfigurationError> errors)
        where T : struct, Enum
    {
        if (raw is null)
        {
            return fallback;
        }

        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, raw, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        errors.Add(Invalid(name, raw, problem, allowed));
        return fallback;
    }

    /// <summary>True for a consumer name of EXPORT_TO: a partition, peer or sameness group name.</summary>
    internal static bool IsConsumerName(string name) => name.Length <= 64 && ConsumerNameRegex().IsMatch(name);

    private static List<ExportConsumer> ParseExportTo(string? raw, bool enterprise, List<ConfigurationError> errors)
    {
        var consumers = new List<ExportConsumer>();
        if (raw is null)
        {
            return consumers;
        }

        foreach (var part in raw.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (ExportConsumer.TryParse(part) is not { } consumer)
            {
                errors.Add(Invalid(EnvironmentVariables.ExportTo, part, "is not an export consumer",
                    "a comma-separated list of partition:<name>, peer:<name> or sameness-group:<name>, names of letters, digits, '-' and '_'"));
            }
            else if (consumer.NeedsEnterprise && !enterprise)
            {
                errors.Add(new ConfigurationError(EnvironmentVariables.ExportTo,
                    $"{EnvironmentVariables.ExportTo} lists {consumer} but {EnvironmentVariables.Enterprise} is false: partition and sameness-group consumers exist only in Consul Enterprise; use peer:<name> or set {EnvironmentVariables.Enterprise}=true."));
            }
            else if (consumers.Contains(consumer))
            {
                errors.Add(new ConfigurationError(EnvironmentVariables.ExportTo, $"{EnvironmentVariables.ExportTo} lists {consumer} twice; list each consumer once."));
            }
            else
            {
                consumers.Add(consumer);
            }
        }

        return consumers;
    }

    private static int ReadInt(string name, string? raw, int min, int max, int fallback, List<ConfigurationError> errors)
    {
        if (raw is null)
        {
            return fallback;
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(Invalid(name, raw, "is not a whole number", $"an integer from {min} to {max} (default {fallback})"));
            return fallback;
        }

        if (value < min || value > max)
        {
            errors.Add(Invalid(name, raw, "is out of range", $"an integer from {min} to {max} (default {fallback})"));
            return fallback;
        }

        return value;
    }

    private static void ValidateParameterName(string name, string value, List<ConfigurationError> errors)
    {
        var ok = value.StartsWith("arn:", StringComparison.Ordinal)
            ? IsParameterArn(value)
            : value.StartsWith('/') && ParameterPathRegex().IsMatch(value) && value.Length <= 1011 && !value.EndsWith('/') && !HasReservedFirstSegment(value);
        if (!ok)
        {
            errors.Add(Invalid(name, value, "is not an SSM parameter name",
                "a fully qualified name starting with '/' made of A-Z, a-z, 0-9, '_', '.', '-' and '/' (e.g. /consul/acl-token), or a parameter ARN arn:<partition>:ssm:<region>:<account>:parameter/<name>"));
        }
    }

    // arn:<partition>:ssm:<region>:<account>:parameter/<name>, in any AWS partition, with the region in that partition.
    private static bool IsParameterArn(string value) =>
        ParameterArnRegex().Match(value) is { Success: true } match
        && AwsPartitions.TryMatch(match.Groups["partition"].Value, match.Groups["region"].Value, out _);

    // SSM rejects names whose first segment starts with "aws" or "ssm" (any case).
    private static bool HasReservedFirstSegment(string path)
    {
        var first = path.TrimStart('/');
        return first.StartsWith("aws", StringComparison.OrdinalIgnoreCase) || first.StartsWith("ssm", StringComparison.OrdinalIgnoreCase);
    }

    // Why: accepts Go's strconv.ParseBool spellings (1/0, t/f, true/false), which envconfig uses in the Go
    // registrator, and additionally true/false in any case.
    private static bool TryParseGoBool(string raw, out bool value)
    {
        if (raw is "1" or "t" or "T" || raw.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }

        value = false;
        return raw is "0" or "f" or "F" || raw.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    private static ConfigurationError Invalid(string name, string value, string problem, string allowed)
    {
        var shown = value.Length > 80 ? string.Concat(value.AsSpan(0, 80), "...") : value;
        return new ConfigurationError(name, $"{name}=\"{shown}\" {problem}; allowed: {allowed}.");
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex ConsulNameRegex();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex ConsulScopeNameRegex();

    [GeneratedRegex("^(/[A-Za-z0-9_.-]+)+$")]
    private static partial Regex ParameterPathRegex();

    [GeneratedRegex(@"^arn:(?<partition>[a-z-]{3,16}):ssm:(?<region>[a-z0-9-]{1,32}):\d{12}:parameter/[A-Za-z0-9_.\-/]{1,1011}$")]
    private static partial Regex ParameterArnRegex();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9_.-]*[A-Za-z0-9])?$")]
    private static partial Regex GatewayNameRegex();

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9_-]*[A-Za-z0-9])?$")]
    private static partial Regex ConsumerNameRegex();

    [GeneratedRegex(@"^[A-Za-z0-9._\-/:@+=]{1,128}$")]
    private static partial Regex RegistratorIdRegex();
}
