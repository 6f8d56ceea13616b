using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// The pure planner: desired state (AWS) + observed state (Consul) + options → <see cref="Plan"/>
/// (behaviour.md sections 2 and 4). Linear in the number of functions and observed objects.
/// </summary>
public static class Planner
{
    /// <summary>Plans a full or targeted sync.</summary>
    /// <exception cref="ArgumentException">An inventory entry's ARN is not a full function ARN.</exception>
    public static Plan CreatePlan(DesiredState desired, ObservedState observed, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(options);
        return new Run(desired, observed, options).Execute();
    }

    /// <summary>
    /// The scopes the shell must read before planning: the managed default scope(s) plus every scope an enabled,
    /// managed function wants. On Enterprise the shell should also read every namespace of each managed partition,
    /// so that services left behind in other namespaces are seen.
    /// </summary>
    public static IReadOnlyList<ConsulScope> RequiredScopes(DesiredState desired, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(desired);
        ArgumentNullException.ThrowIfNull(options);
        var scopes = new HashSet<ConsulScope>();
        var result = new List<ConsulScope>();
        void Add(ConsulScope scope)
        {
            if (scopes.Add(scope))
            {
                result.Add(scope);
            }
        }

        var dc = DefaultDatacenter(options);
        if (options.Enterprise)
        {
            foreach (var partition in options.Partitions.Order(StringComparer.OrdinalIgnoreCase))
            {
                Add(new ConsulScope(dc, partition, DefaultName));
            }
        }
        else
        {
            Add(new ConsulScope(dc, null, null));
        }

        foreach (var function in desired.Functions)
        {
            if (function.Tags is null || FunctionTagParser.Parse(function.Tags, options.Enterprise) is not EnabledTags enabled)
            {
                continue;
            }

            if (Placement(enabled.Registration, options, out var scope) is null)
            {
                Add(scope);
            }
        }

        return result;
    }

    /// <summary>The SSM parameter name for a service's extension data: <c>&lt;prefix&gt;/&lt;partition|default&gt;/&lt;namespace|default&gt;/&lt;service&gt;</c>.</summary>
    public static string ExtensionDataPath(string prefix, ServiceKey service)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return $"{prefix.TrimEnd('/')}/{service.Partition ?? DefaultName}/{service.Namespace ?? DefaultName}/{service.Name}";
    }

    private const string DefaultName = "default";

    private static string? DefaultDatacenter(PlanningOptions options) => options.Datacenter ?? options.LocalDatacenter;

    // Returns null when the function is managed here (scope set), else the reason it is not.
    private static (PlanProblemKind Kind, string Message)? Placement(FunctionRegistration registration, PlanningOptions options, out ConsulScope scope)
    {
        scope = default;
        if (options.Datacenter is not null && registration.Datacenter is not null
            && !string.Equals(options.Datacenter, registration.Datacenter, StringComparison.OrdinalIgnoreCase))
        {
            return (PlanProblemKind.DatacenterNotManaged,
                $"tagged for datacenter \"{registration.Datacenter}\", but this registrator manages \"{options.Datacenter}\" (DATACENTER); it is left to the registrator of that datacenter");
        }

        // Why: with DATACENTER set, an untagged function goes to DATACENTER (the Go original ignores it, which made
        // DATACENTER unusable); without DATACENTER it goes to the agent's datacenter, like the Go original.
        var dc = registration.Datacenter ?? DefaultDatacenter(options);
        if (!options.Enterprise)
        {
            scope = new ConsulScope(dc, null, null);
            return null;
        }

        var partition = registration.Partition ?? DefaultName;
        if (!options.Partitions.Contains(partition))
        {
            return (PlanProblemKind.PartitionNotManaged,
                $"in admin partition \"{partition}\", which is not in PARTITIONS ({string.Join(",", options.Partitions)}); add it to PARTITIONS to manage this function");
        }

        scope = new ConsulScope(dc, partition, registration.Namespace ?? DefaultName);
        return null;
    }

    private enum FunctionStatus
    {
        TagsUnknown,
        Invalid,
        NotEnabled,
        NotManagedHere,
        Enabled,
    }

    private sealed class FunctionState(LambdaArn arn, FunctionStatus status)
    {
        public LambdaArn Arn { get; } = arn;

        public FunctionStatus Status { get; set; } = status;

        public string? NotManagedReason { get; set; }

        public List<DesiredService> Services { get; } = [];

        public HashSet<string>? MissingAliases { get; set; }
    }

    private sealed record DesiredService(ServiceKey Key, FunctionState Function, string ServiceArn, string? Alias, FunctionRegistration Registration);

    private sealed class Run(DesiredState desired, ObservedState observed, PlanningOptions options)
    {
        private readonly List<PlanAction> _actions = [];
        private readonly List<PlanProblem> _problems = [];
        private readonly Dictionary<LambdaArn, FunctionState> _functions = [];
        private readonly Dictionary<ServiceKey, DesiredService> _desired = [];
        private readonly Dictionary<ServiceKey, List<DesiredService>> _duplicates = [];
        private readonly Dictionary<ServiceKey, ObservedService> _services = [];
        private readonly Dictionary<ServiceKey, ObservedService> _otherInstancesByName = [];
        private readonly Dictionary<ServiceKey, ObservedServiceDefaults> _entries = [];
        private readonly HashSet<ConsulScope> _observedScopes = [];
        private HashSet<string>? _leftAsIs;
        private int _unchanged;

        public Plan Execute()
        {
            EvaluateFunctions();
            IndexObserved();
            foreach (var (key, service) in _desired)
            {
                if (_duplicates.ContainsKey(key))
                {
                    continue;
                }

                if (!_observedScopes.Contains(key.Scope))
                {
                    Problem(PlanProblemKind.ScopeNotObserved, service.Function.Arn, key,
                        $"service {key} of {service.Function.Arn} is in a scope that was not read from Consul; it is planned on the next sync that reads {key.Scope}.");
                    continue;
                }

                PlanDesired(service);
            }

            ReportDuplicates();
            PlanRemovals();
            _actions.Sort(static (a, b) => CompareKeys(a.Service, b.Service));
            return new Plan(_actions, _problems, _unchanged, desired.Target);
        }

        private void EvaluateFunctions()
        {
            foreach (var entry in desired.Functions)
            {
                if (!entry.FunctionArn.IsFullArn)
                {
                    throw new ArgumentException($"Inventory entry \"{entry.FunctionArn}\" is not a full function ARN; pass the FunctionArn AWS returned.", nameof(desired));
                }

                var arn = entry.FunctionArn.Unqualified;
                if (desired.Target is not null && !arn.SameFunctionAs(desired.Target))
                {
                    throw new ArgumentException($"Targeted sync of {desired.Target} got inventory entry {arn}.", nameof(desired));
                }

                if (_functions.ContainsKey(arn))
                {
                    continue;
                }

                var state = Evaluate(entry, arn);
                _functions[arn] = state;
                foreach (var service in state.Services)
                {
                    if (_desired.TryAdd(service.Key, service))
                    {
                        continue;
                    }

                    if (!_duplicates.TryGetValue(service.Key, out var list))
                    {
                        list = [_desired[service.Key]];
                        _duplicates[service.Key] = list;
                    }

                    list.Add(service);
                }
            }
        }

        private FunctionState Evaluate(FunctionInventoryEntry entry, LambdaArn arn)
        {
            if (entry.Tags is null)
            {
                Problem(PlanProblemKind.TagsUnknown, arn, null,
                    $"the tags of {arn} could not be read (check lambda:ListTags / tag:GetResources permissions); its services are left as they are.");
                return new FunctionState(arn, FunctionStatus.TagsUnknown);
            }

            switch (FunctionTagParser.Parse(entry.Tags, options.Enterprise))
            {
                case InvalidTags invalid:
                    Problem(invalid.RequiresEnterprise ? PlanProblemKind.EnterpriseTagsWithoutEnterprise : PlanProblemKind.InvalidTags, arn, null,
                        $"{arn}: {string.Join(" ", invalid.Reasons)} Its services are left as they are until the tags are fixed.");
                    return new FunctionState(arn, FunctionStatus.Invalid);
                case EnabledTags enabled:
                    return Enabled(entry, arn, enabled.Registration);
                default:
                    return new FunctionState(arn, FunctionStatus.NotEnabled);
            }
        }

        private FunctionState Enabled(FunctionInventoryEntry entry, LambdaArn arn, FunctionRegistration registration)
        {
            var placementProblem = Placement(registration, options, out var scope);
            if (placementProblem is { } notManaged)
            {
                Problem(notManaged.Kind, arn, null, $"{arn} is {notManaged.Message}.");
                return new FunctionState(arn, FunctionStatus.NotManagedHere) { NotManagedReason = notManaged.Message };
            }

            var state = new FunctionState(arn, FunctionStatus.Enabled);
            var arnText = arn.ToString();
            state.Services.Add(new DesiredService(scope.Service(arn.FunctionName), state, arnText, null, registration));
            foreach (var alias in registration.Aliases)
            {
                var key = scope.Service($"{arn.FunctionName}-{alias}");
                if (entry.Aliases is not null && !entry.Aliases.Contains(alias))
                {
                    state.MissingAliases ??= new HashSet<string>(StringComparer.Ordinal);
                    state.MissingAliases.Add(alias);
                    Problem(PlanProblemKind.MissingAlias, arn, key,
                        $"{arn} lists alias \"{alias}\" in its aliases tag, but the function has no such alias; create the alias or remove it from the tag.");
                    continue;
                }

                state.Services.Add(new DesiredService(key, state, $"{arnText}:{alias}", alias, registration));
            }

            return state;
        }

        private void IndexObserved()
        {
            foreach (var scope in observed.Scopes)
            {
                _observedScopes.Add(Normalize(scope));
            }

            foreach (var service in observed.Services)
            {
                var scope = Normalize(service.Scope);
                if (!IsManaged(scope))
                {
                    continue;
                }

                _services[scope.Service(service.Service.Id)] = service;
                if (!string.Equals(service.Service.Id, service.Service.Name, StringComparison.OrdinalIgnoreCase))
                {
                    _otherInstancesByName.TryAdd(scope.Service(service.Service.Name), service);
                }
            }

            foreach (var entry in observed.ServiceDefaults)
            {
                var scope = Normalize(entry.Scope);
                if (IsManaged(scope))
                {
                    _entries[scope.Service(entry.Entry.Name)] = entry;
                }
            }
        }

        private ConsulScope Normalize(ConsulScope scope)
        {
            var dc = scope.Datacenter ?? DefaultDatacenter(options);
            return options.Enterprise
                ? new ConsulScope(dc, scope.Partition ?? DefaultName, scope.Namespace ?? DefaultName)
                : new ConsulScope(dc, scope.Partition, scope.Namespace);
        }

        private bool IsManaged(ConsulScope scope)
        {
            if (options.Datacenter is not null && !string.Equals(scope.Datacenter, options.Datacenter, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return !options.Enterprise || (scope.Partition is not null && options.Partitions.Contains(scope.Partition));
        }

        private void PlanDesired(DesiredService desiredService)
        {
            var key = desiredService.Key;
            var function = desiredService.Function.Arn;
            _services.TryGetValue(key, out var service);
            _entries.TryGetValue(key, out var entry);
            var notes = new List<string>();

            if (service is not null && !CheckOwnership(service.Service.Meta, desiredService, $"service {key} on node {options.NodeName}", service.Service.Tags.Contains(OwnershipMeta.ManagedTag), notes))
            {
                return;
            }

            if (_otherInstancesByName.TryGetValue(key, out var other) && !IsOurs(other.Service.Meta))
            {
                Collision(desiredService, $"node {options.NodeName} already has an instance of service \"{key.Name}\" with ID \"{other.Service.Id}\" that this registrator does not own");
                return;
            }

            if (entry is not null)
            {
                var entryArn = LambdaArnOf(entry.Entry);
                var adoptable = entryArn is not null && string.Equals(entryArn, desiredService.ServiceArn, StringComparison.Ordinal);
                if (!entry.Entry.Meta.ContainsKey(OwnershipMeta.RegistratorIdKey) && !adoptable)
                {
                    Collision(desiredService, entryArn is null
                        ? $"service-defaults \"{key.Name}\" ({key.Scope}) exists and was not written by a Lambda registrator"
                        : $"service-defaults \"{key.Name}\" ({key.Scope}) points at {entryArn}, not {desiredService.ServiceArn}, and has no owner meta");
                    return;
                }

                if (!CheckOwnership(entry.Entry.Meta, desiredService, $"service-defaults \"{key.Name}\" ({key.Scope})", adoptable, notes))
                {
                    return;
                }
            }

            var wantedEntry = BuildEntry(desiredService);
            var wantedRegistration = BuildRegistration(desiredService);
            var entryDrift = entry is null ? ["service-defaults missing"] : DiffEntry(entry.Entry, wantedEntry);
            var serviceDrift = service is null ? ["not in the catalog"] : DiffService(service.Service, wantedRegistration.Service);
            if (entryDrift.Count == 0 && serviceDrift.Count == 0)
            {
                _unchanged++;
                return;
            }

            var steps = new List<PlanStep>(2);
            if (entryDrift.Count > 0)
            {
                steps.Add(new PutServiceDefaults(wantedEntry, entry?.ModifyIndex ?? 0));
            }

            if (serviceDrift.Count > 0)
            {
                steps.Add(new RegisterService(wantedRegistration));
            }

            var parts = new List<string> { desiredService.Alias is null ? $"{function} is enabled" : $"{function} is enabled with alias \"{desiredService.Alias}\"" };
            parts.AddRange(notes);
            if (service is null)
            {
                parts.Add("not in the catalog");
                parts.AddRange(entry is null ? [] : entryDrift);
            }
            else
            {
                parts.Add("drift: " + string.Join("; ", entryDrift.Concat(serviceDrift.Select(d => "service " + d))));
            }

            var reason = string.Join("; ", parts);
            _actions.Add(new PlanAction(service is null ? PlanActionKind.Register : PlanActionKind.Update, key, function, steps, reason, DataPath(key)));
        }

        // True when this registrator may write the object; otherwise reports the collision.
        private bool CheckOwnership(IReadOnlyDictionary<string, string> meta, DesiredService desiredService, string what, bool adoptable, List<string> notes)
        {
            if (!meta.TryGetValue(OwnershipMeta.RegistratorIdKey, out var owner))
            {
                if (!adoptable)
                {
                    Collision(desiredService, $"{what} exists and is not managed by a Lambda registrator");
                    return false;
                }

                notes.Add($"adopting {what.Split(' ')[0]} written without owner meta (Go registrator)");
                return true;
            }

            if (!string.Equals(owner, options.RegistratorId, StringComparison.Ordinal))
            {
                Collision(desiredService, $"{what} is owned by registrator \"{owner}\"");
                return false;
            }

            if (meta.TryGetValue(OwnershipMeta.FunctionArnKey, out var ownerArnText)
                && LambdaArn.TryParse(ownerArnText, out var ownerArn, out _)
                && !ownerArn.Unqualified.Equals(desiredService.Function.Arn))
            {
                if (!CanTakeOver(ownerArn.Unqualified))
                {
                    Collision(desiredService, $"{what} belongs to {ownerArn}, whose state is unknown in this sync; a full sync with readable tags resolves it");
                    return false;
                }

                notes.Add($"taking over from {ownerArn}, which no longer claims it");
            }

            return true;
        }

        private bool CanTakeOver(LambdaArn previousOwner)
        {
            if (_functions.TryGetValue(previousOwner, out var state))
            {
                return state.Status is FunctionStatus.NotEnabled or FunctionStatus.NotManagedHere or FunctionStatus.Enabled;
            }

            return desired.Target is null && desired.IsComplete;
        }

        private void Collision(DesiredService desiredService, string detail) =>
            Problem(PlanProblemKind.NameCollision, desiredService.Function.Arn, desiredService.Key,
                $"{desiredService.Function.Arn} wants service {desiredService.Key}, but {detail}; nothing is written for it. Rename one of them or remove the other object.");

        private void ReportDuplicates()
        {
            foreach (var (key, list) in _duplicates)
            {
                var names = string.Join(", ", list.Select(s => s.Alias is null ? s.Function.Arn.ToString() : $"{s.Function.Arn} alias {s.Alias}"));
                foreach (var service in list)
                {
                    Problem(PlanProblemKind.DuplicateServiceName, service.Function.Arn, key,
                        $"service name {key} is wanted by {names}; neither is written until one of them changes.");
                }
            }
        }

        private void PlanRemovals()
        {
            var candidates = new Dictionary<ServiceKey, (ObservedService? Service, ObservedServiceDefaults? Entry)>();
            foreach (var (key, service) in _services)
            {
                if (_desired.ContainsKey(key))
                {
                    continue;
                }

                if (IsOurs(service.Service.Meta))
                {
                    candidates[key] = (service, null);
                }
                else if (desired.Target is null && desired.IsComplete && service.Service.Tags.Contains(OwnershipMeta.ManagedTag)
                    && !service.Service.Meta.ContainsKey(OwnershipMeta.RegistratorIdKey) && !BelongsToFunctionLeftAsIs(key.Name))
                {
                    Problem(PlanProblemKind.UnclaimedLegacyService, null, key,
                        $"service {key} carries tag {OwnershipMeta.ManagedTag} but no owner meta, and no function of this inventory claims it; it is left in place (deregister it by hand if its function is gone).");
                }
            }

            foreach (var (key, entry) in _entries)
            {
                if (!_desired.ContainsKey(key) && IsOurs(entry.Entry.Meta))
                {
                    candidates[key] = (candidates.TryGetValue(key, out var c) ? c.Service : null, entry);
                }
            }

            var kept = 0;
            foreach (var (key, (service, entry)) in candidates)
            {
                var meta = service?.Service.Meta ?? entry!.Entry.Meta;
                if (!meta.TryGetValue(OwnershipMeta.FunctionArnKey, out var ownerText) && entry is not null)
                {
                    entry.Entry.Meta.TryGetValue(OwnershipMeta.FunctionArnKey, out ownerText);
                }

                if (ownerText is null || !LambdaArn.TryParse(ownerText, out var ownerArn, out _) || !ownerArn.IsFullArn)
                {
                    if (desired.Target is null)
                    {
                        Problem(PlanProblemKind.UnreadableOwnerMeta, null, key,
                            $"{key} is owned by this registrator but its {OwnershipMeta.FunctionArnKey} meta (\"{ownerText}\") is not a function ARN; it is left as it is.");
                    }

                    continue;
                }

                ownerArn = ownerArn.Unqualified;
                if (desired.Target is not null && !ownerArn.SameFunctionAs(desired.Target))
                {
                    continue;
                }

                if (!desired.IsComplete)
                {
                    kept++;
                    continue;
                }

                string reason;
                if (_functions.TryGetValue(ownerArn, out var state))
                {
                    switch (state.Status)
                    {
                        case FunctionStatus.TagsUnknown or FunctionStatus.Invalid:
                            continue;
                        case FunctionStatus.NotEnabled:
                            reason = $"{ownerArn} is no longer enabled (tag {LambdaTags.Enabled} removed or false)";
                            break;
                        case FunctionStatus.NotManagedHere:
                            reason = $"{ownerArn} is now {state.NotManagedReason}";
                            break;
                        default:
                            reason = RemovedServiceReason(state, key);
                            break;
                    }
                }
                else if (desired.Target is not null && desired.Functions.Count > 0)
                {
                    continue;
                }
                else
                {
                    reason = $"{ownerArn} no longer exists in AWS";
                }

                var steps = new List<PlanStep>(2);
                if (entry is not null)
                {
                    steps.Add(new DeleteServiceDefaults(entry.Entry.Name, entry.ModifyIndex));
                }

                if (service is not null)
                {
                    steps.Add(new DeregisterService(options.NodeName, service.Service.Id));
                }

                _actions.Add(new PlanAction(PlanActionKind.Deregister, key, ownerArn, steps, reason, DataPath(key)));
            }

            if (!desired.IsComplete)
            {
                Problem(PlanProblemKind.InventoryIncomplete, null, null,
                    $"the AWS inventory is incomplete, so nothing is deregistered in this sync ({kept.ToString(CultureInfo.InvariantCulture)} owned service(s) not wanted by the listed functions kept); the next complete sync removes what is gone.");
            }
        }

        // True when the name is, or starts with "<name>-" of, a function whose tags are invalid or unreadable (left as it is).
        private bool BelongsToFunctionLeftAsIs(string serviceName)
        {
            _leftAsIs ??= new HashSet<string>(
                _functions.Values.Where(f => f.Status is FunctionStatus.Invalid or FunctionStatus.TagsUnknown).Select(f => f.Arn.FunctionName),
                StringComparer.OrdinalIgnoreCase);
            if (_leftAsIs.Contains(serviceName))
            {
                return true;
            }

            for (var dash = serviceName.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = serviceName.IndexOf('-', dash + 1))
            {
                if (_leftAsIs.Contains(serviceName[..dash]))
                {
                    return true;
                }
            }

            return false;
        }

        private static string RemovedServiceReason(FunctionState state, ServiceKey key)
        {
            var prefix = state.Arn.FunctionName + "-";
            if (key.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var alias = key.Name[prefix.Length..];
                if (state.MissingAliases?.Contains(alias) == true)
                {
                    return $"alias \"{alias}\" of {state.Arn} no longer exists in AWS";
                }

                if (state.Services.All(s => !string.Equals(s.Alias, alias, StringComparison.Ordinal)))
                {
                    return $"alias \"{alias}\" is no longer in the {LambdaTags.Aliases} tag of {state.Arn}";
                }
            }

            return $"{state.Arn} is now registered in {state.Services[0].Key.Scope}, not {key.Scope}";
        }

        private bool IsOurs(IReadOnlyDictionary<string, string> meta) =>
            meta.TryGetValue(OwnershipMeta.RegistratorIdKey, out var owner) && string.Equals(owner, options.RegistratorId, StringComparison.Ordinal);

        private string? DataPath(ServiceKey key) => options.ExtensionDataPrefix is { } prefix ? ExtensionDataPath(prefix, key) : null;

        private ServiceDefaultsEntry BuildEntry(DesiredService service)
        {
            var meta = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [OwnershipMeta.RegistratorIdKey] = options.RegistratorId,
                [OwnershipMeta.FunctionArnKey] = service.Function.Arn.ToString(),
            };
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
                return new ServiceDefaultsEntry(service.Key.Name, "http", meta, []);
            }

            var arguments = JsonValues.LambdaArguments(service.ServiceArn, registration.PayloadPassthrough, mode);
            return new ServiceDefaultsEntry(service.Key.Name, "http", meta, [new EnvoyExtension(EnvoyExtension.AwsLambda, false, arguments)]);
        }

        private CatalogRegistration BuildRegistration(DesiredService service)
        {
            var meta = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                [OwnershipMeta.RegistratorIdKey] = options.RegistratorId,
                [OwnershipMeta.FunctionArnKey] = service.Function.Arn.ToString(),
            };
            return new CatalogRegistration(options.NodeName, OwnershipMeta.NodeMeta,
                new CatalogService(service.Key.Name, service.Key.Name, [OwnershipMeta.ManagedTag], meta));
        }

        private void Problem(PlanProblemKind kind, LambdaArn? function, ServiceKey? key, string message) =>
            _problems.Add(new PlanProblem(kind, function, key, message));
    }

    // The Lambda ARN an entry points at: the aws/lambda extension's arn argument (any case) or the legacy meta key.
    internal static string? LambdaArnOf(ServiceDefaultsEntry entry)
    {
        foreach (var extension in entry.EnvoyExtensions)
        {
            if (!string.Equals(extension.Name, EnvoyExtension.AwsLambda, StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (name, value) in extension.Arguments)
            {
                if (string.Equals(name, "arn", StringComparison.OrdinalIgnoreCase) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }

        return entry.Meta.TryGetValue(LegacyServiceDefaultsMeta.Arn, out var legacy) ? legacy : null;
    }

    internal static List<string> DiffEntry(ServiceDefaultsEntry actual, ServiceDefaultsEntry wanted)
    {
        var drift = new List<string>();
        if (!string.Equals(actual.Protocol ?? string.Empty, wanted.Protocol ?? string.Empty, StringComparison.OrdinalIgnoreCase))
        {
            drift.Add($"service-defaults Protocol \"{actual.Protocol}\" -> \"{wanted.Protocol}\"");
        }

        if (DiffMeta(actual.Meta, wanted.Meta) is { } metaDrift)
        {
            drift.Add("service-defaults Meta " + metaDrift);
        }

        if (actual.EnvoyExtensions.Count != wanted.EnvoyExtensions.Count)
        {
            drift.Add($"service-defaults EnvoyExtensions count {actual.EnvoyExtensions.Count} -> {wanted.EnvoyExtensions.Count}");
            return drift;
        }

        for (var i = 0; i < wanted.EnvoyExtensions.Count; i++)
        {
            var a = actual.EnvoyExtensions[i];
            var w = wanted.EnvoyExtensions[i];
            if (!string.Equals(a.Name, w.Name, StringComparison.Ordinal) || a.Required != w.Required)
            {
                drift.Add($"service-defaults EnvoyExtensions[{i}] {a.Name} (Required={a.Required}) -> {w.Name} (Required={w.Required})");
            }

            foreach (var (name, value) in w.Arguments)
            {
                if (!a.Arguments.TryGetValue(name, out var current))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} missing");
                }
                else if (!JsonElement.DeepEquals(current, value))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} {Short(current.GetRawText())} -> {value.GetRawText()}");
                }
            }

            foreach (var name in a.Arguments.Keys)
            {
                if (!w.Arguments.ContainsKey(name))
                {
                    drift.Add($"service-defaults EnvoyExtensions[{i}].Arguments.{name} unexpected");
                }
            }
        }

        return drift;
    }

    internal static List<string> DiffService(CatalogService actual, CatalogService wanted)
    {
        var drift = new List<string>();
        if (!string.Equals(actual.Name, wanted.Name, StringComparison.Ordinal))
        {
            drift.Add($"name \"{actual.Name}\" -> \"{wanted.Name}\"");
        }

        if (!actual.Tags.SequenceEqual(wanted.Tags, StringComparer.Ordinal))
        {
            drift.Add($"Tags [{string.Join(",", actual.Tags)}] -> [{string.Join(",", wanted.Tags)}]");
        }

        if (DiffMeta(actual.Meta, wanted.Meta) is { } metaDrift)
        {
            drift.Add("Meta " + metaDrift);
        }

        return drift;
    }

    private static string? DiffMeta(IReadOnlyDictionary<string, string> actual, IReadOnlyDictionary<string, string> wanted)
    {
        StringBuilder? text = null;
        foreach (var (key, value) in wanted)
        {
            if (!actual.TryGetValue(key, out var current))
            {
                Append(ref text, $"{key} missing");
            }
            else if (!string.Equals(current, value, StringComparison.Ordinal))
            {
                Append(ref text, $"{key} \"{Short(current)}\" -> \"{value}\"");
            }
        }

        foreach (var key in actual.Keys)
        {
            if (!wanted.ContainsKey(key))
            {
                Append(ref text, $"{key} unexpected");
            }
        }

        return text?.ToString();

        static void Append(ref StringBuilder? builder, string part)
        {
            if (builder is null)
            {
                builder = new StringBuilder(part);
            }
            else
            {
                builder.Append(", ").Append(part);
            }
        }
    }

    private static string Short(string value) => value.Length <= 120 ? value : string.Concat(value.AsSpan(0, 120), "...");

    private static int CompareKeys(ServiceKey a, ServiceKey b)
    {
        var c = string.Compare(a.Datacenter, b.Datacenter, StringComparison.OrdinalIgnoreCase);
        if (c == 0)
        {
            c = string.Compare(a.Partition, b.Partition, StringComparison.OrdinalIgnoreCase);
        }

        if (c == 0)
        {
            c = string.Compare(a.Namespace, b.Namespace, StringComparison.OrdinalIgnoreCase);
        }

        if (c == 0)
        {
            c = string.Compare(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
    }
}
