using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// How a function's tags become registrations: the tags are parsed (<see cref="FunctionTagParser"/>) into a
/// <see cref="FunctionRegistration"/>, the registration is placed in a Consul scope (datacenter, partition,
/// namespace), and the function gets one service named after it plus one <c>&lt;function&gt;-&lt;alias&gt;</c> service per
/// existing alias, each invoking its own ARN.
/// </summary>
public static class DesiredServices
{
    /// <summary>The name of Consul's default partition and namespace.</summary>
    public const string DefaultName = "default";

    /// <summary>The Consul service name of a function (<paramref name="alias"/> null) or of one of its aliases: <c>&lt;function&gt;-&lt;alias&gt;</c>.</summary>
    public static string ServiceName(string functionName, string? alias)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionName);
        return alias is null ? functionName : $"{functionName}-{alias}";
    }

    /// <summary>The ARN Envoy invokes for the service: the unqualified function ARN, or the alias-qualified one.</summary>
    public static string ServiceArn(LambdaArn function, string? alias)
    {
        ArgumentNullException.ThrowIfNull(function);
        return alias is null ? function.Unqualified.ToString() : $"{function.Unqualified}:{alias}";
    }

    /// <summary>
    /// Every service name <paramref name="entry"/>'s tags may ask for (the function's and one per tagged alias, whether the
    /// alias exists or not): what a targeted read must look up besides what the function already owns.
    /// </summary>
    public static IReadOnlyList<string> NamesWanted(LambdaArn function, FunctionInventoryEntry? entry, bool enterprise)
    {
        ArgumentNullException.ThrowIfNull(function);
        var names = new List<string> { function.FunctionName };
        if (entry?.Tags is { } tags && FunctionTagParser.Parse(tags, enterprise) is EnabledTags enabled)
        {
            names.AddRange(enabled.Registration.Aliases.Select(alias => ServiceName(function.FunctionName, alias)));
        }

        return names;
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
            if (function.Tags is null || !options.Source.Contains(function.FunctionArn) || !options.Source.Filter.Admits(function.FunctionArn.FunctionName)
                || FunctionTagParser.Parse(function.Tags, options.Enterprise) is not EnabledTags enabled)
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

    /// <summary>The datacenter of a function without a datacenter tag: DATACENTER, else the agent's (when known).</summary>
    internal static string? DefaultDatacenter(PlanningOptions options) => options.Datacenter ?? options.LocalDatacenter;

    /// <summary>The alias part of <paramref name="serviceName"/> when it is <c>&lt;functionName&gt;-&lt;alias&gt;</c>; null otherwise.</summary>
    internal static string? AliasPart(string serviceName, string functionName)
    {
        var prefix = functionName + "-";
        return serviceName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && serviceName.Length > prefix.Length ? serviceName[prefix.Length..] : null;
    }

    /// <summary>The function names a service name may belong to: the name itself and every prefix before a <c>-</c>.</summary>
    internal static IEnumerable<string> FunctionNamesOf(string serviceName)
    {
        yield return serviceName;
        for (var dash = serviceName.IndexOf('-', StringComparison.Ordinal); dash > 0; dash = serviceName.IndexOf('-', dash + 1))
        {
            yield return serviceName[..dash];
        }
    }

    /// <summary>
    /// What one inventory entry asks for. Invalid or unreadable tags, missing aliases and placement outside what this
    /// registrator manages are reported through <paramref name="problem"/>.
    /// </summary>
    internal static FunctionEvaluation Evaluate(FunctionInventoryEntry entry, LambdaArn arn, PlanningOptions options, Action<PlanProblemKind, ServiceKey?, string> problem)
    {
        // A function the source's name filters do not admit is treated as not enabled, whatever its tags say (or
        // whether they could be read): its owned services are deregistered.
        if (options.Source.Filter.Rejection(arn.FunctionName) is { } filtered)
        {
            return new FunctionEvaluation(arn, FunctionStatus.NotManagedHere) { NotManagedReason = $"{filtered} ({EnvironmentVariables.FunctionInclude}, {EnvironmentVariables.FunctionExclude} or its source's include/exclude)" };
        }

        if (entry.Tags is null)
        {
            problem(PlanProblemKind.TagsUnknown, null,
                $"the tags of {arn} could not be read (check lambda:ListTags / tag:GetResources permissions); its services are left as they are.");
            return new FunctionEvaluation(arn, FunctionStatus.TagsUnknown);
        }

        switch (FunctionTagParser.Parse(entry.Tags, options.Enterprise))
        {
            case InvalidTags invalid:
                problem(invalid.RequiresEnterprise ? PlanProblemKind.EnterpriseTagsWithoutEnterprise : PlanProblemKind.InvalidTags, null,
                    $"{arn}: {string.Join(" ", invalid.Reasons)} Its services are left as they are until the tags are fixed.");
                return new FunctionEvaluation(arn, FunctionStatus.Invalid);
            case EnabledTags enabled:
                return Enabled(entry, arn, enabled.Registration, options, problem);
            default:
                return new FunctionEvaluation(arn, FunctionStatus.NotEnabled) { HasNoEnabledTag = !entry.Tags.ContainsKey(LambdaTags.Enabled) };
        }
    }

    private static FunctionEvaluation Enabled(
        FunctionInventoryEntry entry, LambdaArn arn, FunctionRegistration registration, PlanningOptions options, Action<PlanProblemKind, ServiceKey?, string> problem)
    {
        if (Placement(registration, options, out var scope) is { } notManaged)
        {
            problem(notManaged.Kind, null, $"{arn} is {notManaged.Message}.");
            return new FunctionEvaluation(arn, FunctionStatus.NotManagedHere) { NotManagedReason = notManaged.Message };
        }

        var state = new FunctionEvaluation(arn, FunctionStatus.Enabled);
        state.Services.Add(new DesiredService(scope.Service(ServiceName(arn.FunctionName, null)), state, ServiceArn(arn, null), null, registration));
        foreach (var alias in registration.Aliases)
        {
            var key = scope.Service(ServiceName(arn.FunctionName, alias));
            if (entry.Aliases is not null && !entry.Aliases.Contains(alias))
            {
                state.MissingAliases ??= new HashSet<string>(StringComparer.Ordinal);
                state.MissingAliases.Add(alias);
                problem(PlanProblemKind.MissingAlias, key,
                    $"{arn} lists alias \"{alias}\" in its aliases tag, but the function has no such alias; create the alias or remove it from the tag.");
                continue;
            }

            state.Services.Add(new DesiredService(key, state, ServiceArn(arn, alias), alias, registration));
        }

        return state;
    }

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
}
