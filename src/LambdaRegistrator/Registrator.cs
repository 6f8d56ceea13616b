using System.Collections.Concurrent;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Aws.Ssm;
using LambdaRegistrator.Aws.Tagging;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Planning;
using LambdaRegistrator.Core.Sources;
using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.Core.Triggers;
using LambdaRegistrator.Execution;
using LambdaRegistrator.Inventory;
using LambdaRegistrator.Logging;
using LambdaRegistrator.MeshIdentity;
using LambdaRegistrator.Metrics;
using LambdaRegistrator.Observation;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator;

/// <summary>
/// The registrator engine, composed once per process (<see cref="CreateAsync"/>) and reused for every invocation:
/// classify an event, reconcile all functions or one, or (de)register one function by hand. Safe for invocations that
/// overlap in one process (Lambda's multi-concurrency execution environments, a CLI running syncs in parallel): the
/// only state it keeps (the account and the agent's datacenter, once learned) is set atomically, and concurrent writes
/// to the same Consul object are settled by check-and-set.
/// </summary>
public sealed class Registrator : IDisposable
{
    /// <summary>How many sources a full sync reads and writes at once; each source also runs MAX_CONCURRENCY requests of its own.</summary>
    internal const int MaxConcurrentSources = 16;

    private readonly ILogger _logger;
    private readonly IDisposable[] _owned;
    private readonly TimeProvider _time;
    private readonly Func<Source, SourceClients> _clientsFor;
    private readonly ConcurrentDictionary<string, Lazy<SourceEngine>> _engines = new(StringComparer.Ordinal);
    private readonly ObservedStateReader _observer;
    private readonly Federation _federation;
    private readonly PlanExecutor _executor;
    private readonly ExtensionDataWriter? _extensionData;
    private readonly Func<DesiredState, ObservedState, PlanningOptions, Plan> _planner;
    private string? _accountId;
    private SourceResolution? _resolution;

    private Registrator(
        RegistratorOptions options, string region, string? accountId, Func<Source, SourceClients> clientsFor, IParameterStore parameters,
        IConsulClient consul, ILogger logger, TimeProvider time, int maxCasRetries, IDisposable[] owned,
        Func<DesiredState, ObservedState, PlanningOptions, Plan>? planner = null)
    {
        Options = options;
        Region = region;
        _accountId = accountId;
        _logger = logger;
        _owned = owned;
        _time = time;
        _clientsFor = clientsFor;
        _planner = planner ?? Planner.CreatePlan;
        _extensionData = options.ExtensionDataPrefix is not null
            ? new ExtensionDataWriter(consul, parameters, options.ExtensionDataTier, options.MaxConcurrency, options.DeadlineMargin, time, logger)
            : null;
        _observer = new ObservedStateReader(consul, options.NodeName, options.Enterprise, logger);
        _federation = new Federation(consul, options.PrimaryDatacenter, logger);
        _executor = new PlanExecutor(consul, options.MaxConcurrency, maxCasRetries, options.DeadlineMargin, time, logger);
    }

    /// <summary>The parsed configuration.</summary>
    public RegistratorOptions Options { get; }

    /// <summary>The AWS region whose functions are managed.</summary>
    public string Region { get; }

    /// <summary>
    /// Composes the engine from the environment: parses the registrator, Consul and AWS variables (every invalid one
    /// is reported at once), reads the Consul token and CA from SSM when their paths are set, and builds the clients.
    /// </summary>
    /// <param name="environment">Reads one environment variable; null when unset.</param>
    /// <param name="hostOptions">Host knobs (logging, clock, client overrides); null for defaults.</param>
    /// <param name="cancellationToken">Stops the SSM reads.</param>
    /// <exception cref="RegistratorConfigurationException">Any variable or secret is invalid; the message lists every problem with its variable.</exception>
    public static async Task<Registrator> CreateAsync(Func<string, string?> environment, RegistratorHostOptions? hostOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(environment);
        hostOptions ??= new RegistratorHostOptions();
        var problems = new List<string>();
        var parsed = RegistratorOptions.Parse(environment);
        problems.AddRange(parsed.Errors.Select(e => e.Message));
        if (!ConsulClientOptions.TryFromEnvironment(environment, hostOptions.ReadFile, out var consulOptions, out var consulErrors))
        {
            problems.AddRange(consulErrors);
        }

        var accountId = environment(RegistratorHostOptions.AccountIdVariable)?.Trim();
        if (string.IsNullOrEmpty(accountId))
        {
            accountId = null;
        }
        else if (!LambdaNames.IsValidAccountId(accountId))
        {
            problems.Add($"{RegistratorHostOptions.AccountIdVariable}=\"{accountId}\" is not an AWS account id; allowed: 12 digits, or unset to take the account from the invoked function ARN.");
        }

        var meter = new RequestMeter();
        AwsClients? aws = null;
        try
        {
            aws = AwsClients.Create(environment, (hostOptions.Aws ?? new AwsClientOptions()) with { Observer = meter });
        }
        catch (AwsConfigurationException exception)
        {
            problems.Add(exception.Message);
        }

        if (problems.Count > 0 || aws is null || parsed.Options is not { } options)
        {
            aws?.Dispose();
            throw new RegistratorConfigurationException(problems);
        }

        if (hostOptions.DiscoverAccount)
        {
            accountId = await DiscoverAccountAsync(aws, accountId is null && (options.RegistratorId is null || options.Sources.IsConfigured), cancellationToken)
                .ConfigureAwait(false) ?? accountId;
        }

        // Every source is formed now when the account is known (otherwise on the first invocation, which tells it).
        if (accountId is not null && options.Sources.Resolve(accountId, aws.Endpoints.Region, options.RegistratorId) is { IsValid: false } unresolved)
        {
            aws.Dispose();
            throw new RegistratorConfigurationException(unresolved.Errors);
        }

        ConsulClient consul;
        try
        {
            consulOptions = await ConsulSecretReader.ApplyAsync(consulOptions, options, aws.ParameterStore, problems, cancellationToken).ConfigureAwait(false);
            if (problems.Count > 0)
            {
                // Every variable parsed above, so what is left is reading the secrets from SSM.
                throw new RegistratorConfigurationException(problems, secretUnavailable: true);
            }

            consul = new ConsulClient(consulOptions, hostOptions.ConsulRetry, meter);
        }
        catch (ConsulConfigurationException exception)
        {
            aws.Dispose();
            throw new RegistratorConfigurationException(exception.Message, exception);
        }
        catch
        {
            aws.Dispose();
            throw;
        }

        var logger = hostOptions.Logger ?? new JsonLinesLogger(
            hostOptions.LogOutput ?? Console.Out,
            JsonLinesLogger.ToLogLevel(options.LogLevel),
            hostOptions.TimeProvider,
            hostOptions.LogContext ?? LogContext.FromEnvironment(environment));
        meter.Logger = logger;
        Log.Initialized(logger, options.InventoryStrategy.ToString(), options.NodeName, options.ConsulHttpTokenPath is not null, options.ConsulCACertPath is not null);
        var awsOptions = (hostOptions.Aws ?? new AwsClientOptions()) with { Observer = meter };
        var home = aws;
        SourceClients ClientsFor(Source source)
        {
            if (source.RoleArn is null && source.Region == home.Endpoints.Region)
            {
                return new SourceClients(home.Lambda, home.Tagging);
            }

            // Why own clients: Lambda and Tagging quotas are per account and region, so each source gets its own
            // buckets (and its own connection pool); a role is assumed with the registrator's own credentials.
            var region = source.Region ?? home.Endpoints.Region;
            var clients = AwsClients.Create(
                name => name is AwsEndpoints.RegionVariable or AwsEndpoints.DefaultRegionVariable ? region : environment(name),
                source.RoleArn is null
                    ? awsOptions
                    : awsOptions with { Credentials = home.AssumeRole(new AssumeRoleSettings(source.RoleArn) { ExternalId = source.ExternalId }) });
            return new SourceClients(clients.Lambda, clients.Tagging, clients);
        }

        return new Registrator(
            options, aws.Endpoints.Region, accountId, ClientsFor, aws.ParameterStore, consul, logger, hostOptions.TimeProvider,
            hostOptions.MaxCasRetries, [consul, aws]);
    }

    // Why: the AWS CLI, Terraform and the CDK learn the account this way; sts:GetCallerIdentity needs no permission.
    // It is also the first signed call, so a credential problem surfaces here, at start-up, as a configuration error.
    // When the account is known, the credentials are still checked here for the same reason.
    private static async Task<string?> DiscoverAccountAsync(AwsClients aws, bool accountNeeded, CancellationToken cancellationToken)
    {
        try
        {
            if (!accountNeeded)
            {
                await aws.CheckCredentialsAsync(cancellationToken).ConfigureAwait(false);
                return null;
            }

            return await aws.GetCallerAccountAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AwsConfigurationException or AwsCredentialsException)
        {
            aws.Dispose();
            throw new RegistratorConfigurationException(exception.Message, exception);
        }
        catch (AwsServiceException exception)
        {
            aws.Dispose();
            throw new RegistratorConfigurationException(
                $"The AWS account could not be learned with sts:GetCallerIdentity (neither {RegistratorHostOptions.AccountIdVariable} nor "
                + $"{EnvironmentVariables.RegistratorId} is set): {exception.Message} Fix the credentials or AWS_ENDPOINT_URL_STS, "
                + $"or set {RegistratorHostOptions.AccountIdVariable}.",
                exception);
        }
        catch
        {
            aws.Dispose();
            throw;
        }
    }

    /// <summary>Composes the engine over given clients (tests, benchmarks); nothing is disposed by it.</summary>
    /// <param name="planner">Plans a sync; null for <see cref="Planner.CreatePlan"/> (tests pass a counting one).</param>
    internal static Registrator Create(
        RegistratorOptions options, string region, string? accountId, ILambdaApi lambda, ITaggingApi tagging, IParameterStore parameters,
        IConsulClient consul, ILogger logger, TimeProvider? time = null, int maxCasRetries = 3,
        Func<DesiredState, ObservedState, PlanningOptions, Plan>? planner = null) =>
        new(options, region, accountId, _ => new SourceClients(lambda, tagging), parameters, consul, logger, time ?? TimeProvider.System, maxCasRetries, [], planner);

    /// <summary>Composes the engine with one set of AWS clients per source (tests, benchmarks of several sources); nothing is disposed by it.</summary>
    internal static Registrator Create(
        RegistratorOptions options, string region, string? accountId, Func<Source, (ILambdaApi Lambda, ITaggingApi Tagging)> clientsFor, IParameterStore parameters,
        IConsulClient consul, ILogger logger, TimeProvider? time = null, int maxCasRetries = 3) =>
        new(
            options,
            region,
            accountId,
            source =>
            {
                var (lambda, tagging) = clientsFor(source);
                return new SourceClients(lambda, tagging);
            },
            parameters,
            consul,
            logger,
            time ?? TimeProvider.System,
            maxCasRetries,
            []);

    /// <summary>
    /// Handles one EventBridge event: a scheduled (or any <c>aws.events</c>) event runs a full sync, a CloudTrail Lambda
    /// event a targeted sync of its function; other events are ignored, malformed ones rejected (nothing written).
    /// </summary>
    /// <param name="eventJson">The raw event (UTF-8 JSON).</param>
    /// <param name="context">The invocation context; its invoked ARN supplies the account when AWS_ACCOUNT_ID is unset.</param>
    /// <param name="cancellationToken">Fires when no new write may start (deadline minus DEADLINE_MARGIN_MS).</param>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> HandleEventAsync(ReadOnlyMemory<byte> eventJson, SyncContext? context, CancellationToken cancellationToken) =>
        MeasuredAsync(() => HandleEventCoreAsync(eventJson, context, cancellationToken));

    /// <summary>Reconciles every function; with <paramref name="dryRun"/> returns the plan without writing (the CLI's <c>plan</c>).</summary>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> FullSyncAsync(bool dryRun, SyncContext? context = null, CancellationToken cancellationToken = default) =>
        FullSyncAsync(dryRun, [], context, cancellationToken);

    /// <summary>
    /// Reconciles every function of the sources named <c>ACCOUNT/REGION</c> (the CLI's <c>--source</c>; empty = every
    /// source), the sources concurrently, each under its own credentials and quotas and owning what it registered.
    /// A source that cannot be read is reported by name; nothing of it is deregistered, and the others are synced.
    /// </summary>
    /// <exception cref="RegistratorConfigurationException">A name is not a source, or the sources cannot be formed (the account is unknown).</exception>
    public Task<SyncReport> FullSyncAsync(bool dryRun, IReadOnlyCollection<string> sources, SyncContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var selected = Select(context, sources);
        return MeasuredAsync(() => FullSyncOfAsync(selected, dryRun, SyncTrigger.FullSync, null, cancellationToken));
    }

    /// <summary>The source names (<c>ACCOUNT/REGION</c>), in SOURCES order.</summary>
    /// <exception cref="RegistratorConfigurationException">The sources cannot be formed (the account is unknown).</exception>
    public IReadOnlyList<string> SourceNames(SyncContext? context = null) => [.. Resolution(context).Sources.Select(s => s.Name)];

    /// <summary>Reconciles one function (name, partial ARN or ARN; a qualifier is dropped) after reading it from Lambda.</summary>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> SyncFunctionAsync(string functionArnOrName, bool dryRun, SyncContext? context = null, CancellationToken cancellationToken = default) =>
        MeasuredAsync(() => SyncFunctionCoreAsync(functionArnOrName, dryRun, context, cancellationToken));

    /// <summary>
    /// Registers one function with explicit settings instead of its tags (the CLI's <c>register</c>). Aliases are checked
    /// with ListAliases; everything else about the function in AWS is taken as given.
    /// </summary>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> RegisterAsync(
        string functionArn, ManualRegistration registration, bool dryRun, SyncContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        return MeasuredAsync(() => RegisterCoreAsync(functionArn, registration, dryRun, context, cancellationToken));
    }

    /// <summary>Deregisters every service this registrator owns for one function, whatever AWS says (the CLI's <c>deregister</c>).</summary>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> DeregisterAsync(string functionArn, bool dryRun, SyncContext? context = null, CancellationToken cancellationToken = default) =>
        MeasuredAsync(() => DeregisterCoreAsync(functionArn, dryRun, context, cancellationToken));

    /// <summary>Releases the clients this registrator created.</summary>
    public void Dispose()
    {
        foreach (var engine in _engines.Values)
        {
            if (engine.IsValueCreated)
            {
                engine.Value.Owned?.Dispose();
            }
        }

        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private async Task<SyncReport> HandleEventCoreAsync(ReadOnlyMemory<byte> eventJson, SyncContext? context, CancellationToken cancellationToken)
    {
        var account = Account(context);
        var sources = TryResolution(context)?.Sources ?? [];
        var trigger = TriggerClassifier.Classify(eventJson, new TriggerContext(account, Region) { Sources = sources });
        SyncReport report;
        switch (trigger)
        {
            case RejectedEvent rejected:
                Log.EventRejected(_logger, rejected.Message);
                report = new SyncReport { Trigger = SyncTrigger.Rejected, Reason = rejected.Message };
                break;
            case IgnoredEvent ignored:
                Log.EventIgnored(_logger, ignored.Reason);
                report = new SyncReport { Trigger = SyncTrigger.Ignored, Reason = ignored.Reason };
                break;
            case FullSync full:
                Log.EventClassified(_logger, SyncTrigger.FullSync.ToName(), full.Reason);
                report = await FullSyncOfAsync(Resolution(context).Sources, dryRun: false, SyncTrigger.FullSync, null, cancellationToken).ConfigureAwait(false);
                break;
            case TargetedSync targeted:
                Log.EventClassified(_logger, SyncTrigger.TargetedSync.ToName(), $"{targeted.EventName} {targeted.Function}");
                var target = Complete(targeted.Function, account);
                var source = targeted.Source ?? Resolution(context).Sources[0];
                report = await InSourceAsync(
                    source,
                    new SyncReport { Trigger = SyncTrigger.TargetedSync, Function = target.ToString() },
                    engine => engine.Reconciler.SyncFunctionAsync(SyncTrigger.TargetedSync, target, source, dryRun: false, cancellationToken)).ConfigureAwait(false);
                break;
            default:
                throw new InvalidOperationException($"Unknown trigger {trigger.GetType().Name}.");
        }

        return report;
    }

    /// <summary>
    /// Takes over the services the Go registrator wrote (tag managed-by-lambda-registrator, no owner meta) on NODE_NAME
    /// (the CLI's <c>adopt</c>): those a function of the inventory claims get owner meta, those whose function is gone,
    /// disabled or no longer lists the alias are removed. Nothing else is changed. Needs ADOPT_UNOWNED_SERVICES=true.
    /// </summary>
    /// <exception cref="RegistratorConfigurationException">REGISTRATOR_ID is unset and the account cannot be determined.</exception>
    public Task<SyncReport> AdoptAsync(bool dryRun, SyncContext? context = null, CancellationToken cancellationToken = default) =>
        MeasuredAsync(() => Options.AdoptUnownedServices
            ? FullSyncOfAsync(Resolution(context).Sources, dryRun, SyncTrigger.Adopt, static plan => plan.Adoptions(), cancellationToken)
            : Task.FromResult(Rejected(SyncTrigger.Adopt, null, $"adoption needs {EnvironmentVariables.AdoptUnownedServices}=true.")));

    private async Task<SyncReport> SyncFunctionCoreAsync(string functionArnOrName, bool dryRun, SyncContext? context, CancellationToken cancellationToken)
    {
        if (!LambdaArn.TryParse(functionArnOrName, out var arn, out var error))
        {
            return Rejected(SyncTrigger.TargetedSync, functionArnOrName, $"\"{functionArnOrName}\" is not a function: {error}.");
        }

        var target = Complete(arn.Unqualified, Account(context));
        if (SourceOf(target, context, out var notASource) is not { } source)
        {
            return Rejected(SyncTrigger.TargetedSync, functionArnOrName, notASource);
        }

        return await InSourceAsync(
            source,
            new SyncReport { Trigger = SyncTrigger.TargetedSync, Function = target.ToString(), DryRun = dryRun },
            engine => engine.Reconciler.SyncFunctionAsync(SyncTrigger.TargetedSync, target, source, dryRun, cancellationToken)).ConfigureAwait(false);
    }

    private async Task<SyncReport> RegisterCoreAsync(
        string functionArn, ManualRegistration registration, bool dryRun, SyncContext? context, CancellationToken cancellationToken)
    {
        if (!TryFullArn(functionArn, context, out var arn, out var error))
        {
            return Rejected(SyncTrigger.Register, functionArn, error);
        }

        if (SourceOf(arn, context, out var notASource) is not { } source)
        {
            return Rejected(SyncTrigger.Register, functionArn, notASource);
        }

        var report = new SyncReport { Trigger = SyncTrigger.Register, Function = arn.ToString(), DryRun = dryRun };
        return await InSourceAsync(source, report, async engine =>
        {
            var entry = new FunctionInventoryEntry(arn, registration.ToTags());
            IReadOnlyList<string> errors = [];
            if (engine.Reader.WantsAliases(entry))
            {
                var read = await engine.Reader.WithAliasesAsync(entry, arn, cancellationToken).ConfigureAwait(false);
                entry = read.Entry ?? entry;
                errors = read.Error is null ? [] : [read.Error];
            }

            return await engine.Reconciler.ApplyToFunctionAsync(report, arn, entry, errors, source, cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private async Task<SyncReport> DeregisterCoreAsync(string functionArn, bool dryRun, SyncContext? context, CancellationToken cancellationToken)
    {
        if (!TryFullArn(functionArn, context, out var arn, out var error))
        {
            return Rejected(SyncTrigger.Deregister, functionArn, error);
        }

        if (SourceOf(arn, context, out var notASource) is not { } source)
        {
            return Rejected(SyncTrigger.Deregister, functionArn, notASource);
        }

        var report = new SyncReport { Trigger = SyncTrigger.Deregister, Function = arn.ToString(), DryRun = dryRun };
        return await InSourceAsync(
            source, report, engine => engine.Reconciler.ApplyToFunctionAsync(report, arn, null, [], source, cancellationToken, deregisterRequested: true))
            .ConfigureAwait(false);
    }

    // The full sync of one or more sources. One source of one is exactly the single-source sync; several run
    // concurrently (bounded), each on its own engine, and their reports are combined.
    private async Task<SyncReport> FullSyncOfAsync(
        IReadOnlyList<Source> sources, bool dryRun, SyncTrigger trigger, Func<Plan, Plan>? restrict, CancellationToken cancellationToken)
    {
        var empty = new SyncReport { Trigger = trigger, DryRun = dryRun };
        Task<SyncReport> SyncAsync(Source source) => InSourceAsync(
            source, empty, engine => engine.Reconciler.FullSyncAsync(source, dryRun, cancellationToken, restrict, trigger), fullSync: true);
        if (sources.Count == 1)
        {
            return await SyncAsync(sources[0]).ConfigureAwait(false);
        }

        var concurrency = Math.Min(sources.Count, MaxConcurrentSources);
        Log.SourcesSyncing(_logger, sources.Count, concurrency);
        var reports = new SyncReport[sources.Count];
        using var gate = new SemaphoreSlim(concurrency);
        await Task.WhenAll(sources.Select(async (source, index) =>
        {
            // Why not the deadline token: a source waiting for its turn when the deadline fires still reports (stopped).
            await gate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                reports[index] = await SyncAsync(source).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return SyncReport.Combine(trigger, dryRun, [.. sources.Select((source, index) => (source, reports[index]))]);
    }

    // Runs work on the source's engine. A source whose credentials or clients fail (an AssumeRole denied, a role whose
    // STS call fails) gets a report of its own naming it: it wrote nothing and, for a full sync, counts as an
    // incomplete inventory. With several sources the report names its source.
    private async Task<SyncReport> InSourceAsync(Source source, SyncReport failed, Func<SourceEngine, Task<SyncReport>> work, bool fullSync = false)
    {
        var several = Resolution(null, required: false) is { Sources.Count: > 1 };
        SyncReport report;
        try
        {
            report = await work(Engine(source)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AwsCredentialsException or AwsConfigurationException)
        {
            Log.SourceFailed(_logger, source.Name, exception.Message);
            report = failed with
            {
                Errors = [$"{exception.Message} Nothing of this source was written or deregistered."],
                IncompleteSources = fullSync ? 1 : 0,
            };
        }

        return several ? report.ForSourceOfSeveral(source) : report;
    }

    private SourceEngine Engine(Source source) =>
        _engines.GetOrAdd(SourceEngine.KeyOf(source), _ => new Lazy<SourceEngine>(() => Build(source))).Value;

    private SourceEngine Build(Source source)
    {
        var clients = _clientsFor(source);
        var reader = new FunctionReader(clients.Lambda, Options.Enterprise, _logger);
        IFunctionInventory inventory = Options.InventoryStrategy == InventoryStrategy.ListFunctions
            ? new ListFunctionsInventory(clients.Lambda, reader, Options.PageSize, Options.MaxConcurrency, _logger)
            : new TaggingInventory(clients.Tagging, _logger);
        var reconciler = new Reconciler(Options, inventory, reader, _observer, _federation, _executor, _extensionData, _logger, _planner);
        return new SourceEngine(reconciler, reader, clients.Owned);
    }

    private static SyncReport Rejected(SyncTrigger trigger, string? function, string reason) =>
        new() { Trigger = SyncTrigger.Rejected, Function = function, Reason = $"{trigger.ToName()}: {reason}" };

    // Why one wrapper: every public entry point reports its duration and requests, and logs its summary once.
    private async Task<SyncReport> MeasuredAsync(Func<Task<SyncReport>> work)
    {
        var started = _time.GetTimestamp();
        var (report, requests) = await RequestMeter.MeasureAsync(work).ConfigureAwait(false);
        report = report with { Duration = _time.GetElapsedTime(started), Requests = requests };
        Log.SyncFinished(_logger, report.Summary);
        return report;
    }

    private bool TryFullArn(string functionArn, SyncContext? context, out LambdaArn arn, out string error)
    {
        arn = null!;
        if (!LambdaArn.TryParse(functionArn, out var parsed, out var parseError))
        {
            error = $"\"{functionArn}\" is not a function: {parseError}.";
            return false;
        }

        arn = Complete(parsed.Unqualified, Account(context));
        if (!arn.IsFullArn)
        {
            error = $"\"{functionArn}\" is not a full function ARN and the account is unknown; pass arn:{LambdaNames.PartitionForRegion(Region)}:lambda:{Region}:<account>:function:<name> or set {RegistratorHostOptions.AccountIdVariable}.";
            return false;
        }

        error = string.Empty;
        return true;
    }

    private LambdaArn Complete(LambdaArn function, string? account) => account is null ? function : function.Complete(account, Region);

    // Why: the registrator's own account comes from AWS_ACCOUNT_ID or its invoked function ARN, never from the
    // functions it lists (a shared or cross-account inventory would then pick an owner id at random). Invocations may
    // overlap: the first one to learn the account sets it atomically, and every later one reads that value.
    private string? Account(SyncContext? context)
    {
        if (Volatile.Read(ref _accountId) is { } known)
        {
            return known;
        }

        if (context?.InvokedFunctionArn is { } invoked && LambdaArn.TryParse(invoked, out var arn, out _) && arn.AccountId is { } account)
        {
            return Interlocked.CompareExchange(ref _accountId, account, null) ?? account;
        }

        return null;
    }

    // The source of a function given by hand or completed from the registrator's own account and region.
    private Source? SourceOf(LambdaArn function, SyncContext? context, out string reason)
    {
        var source = Resolution(context).SourceOf(function, out var notASource);
        reason = source is null ? $"{function} is {notASource}." : string.Empty;
        return source;
    }

    // The sources the CLI's --source names (all when none is named).
    private IReadOnlyList<Source> Select(SyncContext? context, IReadOnlyCollection<string> names) =>
        Resolution(context).TrySelect(names, out var selected, out var error) ? selected : throw new RegistratorConfigurationException($"--source {error}");

    private SourceResolution? TryResolution(SyncContext? context)
    {
        try
        {
            return Resolution(context);
        }
        catch (RegistratorConfigurationException)
        {
            return null;
        }
    }

    // The sources once the registrator's own account is known (kept from then on); before, those that do not need it.
    // Without SOURCES that is the one source of today: the own account (when known) and region, under REGISTRATOR_ID
    // or <account>/<region>.
    private SourceResolution Resolution(SyncContext? context) => Resolution(context, required: true)!;

    private SourceResolution? Resolution(SyncContext? context, bool required)
    {
        if (Volatile.Read(ref _resolution) is { } known)
        {
            return known;
        }

        var account = Account(context);
        var resolution = Options.Sources.Resolve(account, Region, Options.RegistratorId);
        if (!resolution.IsValid)
        {
            if (!required)
            {
                return null;
            }

            throw Options.Sources.IsConfigured
                ? new RegistratorConfigurationException(resolution.Errors)
                : new RegistratorConfigurationException(
                    $"{EnvironmentVariables.RegistratorId} is unset and the AWS account is unknown (no {RegistratorHostOptions.AccountIdVariable} and no invoked function ARN); "
                    + $"set {EnvironmentVariables.RegistratorId} (e.g. <account>/{Region}) or {RegistratorHostOptions.AccountIdVariable}.");
        }

        return account is null ? resolution : Interlocked.CompareExchange(ref _resolution, resolution, null) ?? resolution;
    }
}
