using LambdaRegistrator.Core.ConfigEntries;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Core.Planning;

/// <summary>
/// The entries the Lambda services are listed in besides their own, shared with other owners: the terminating-gateway
/// entry of TERMINATING_GATEWAY (one per partition and datacenter) and the partition's exported-services entry
/// (EXPORT_TO). Every owned service (function and aliases) is listed; a deregistered one is removed; an item for a
/// service this registrator does not own is never touched, and neither is any other field. A missing entry is created
/// only with CREATE_GATEWAY_ENTRIES; an entry is never deleted.
/// </summary>
public static class SharedEntries
{
    /// <summary>The shared entries the shell reads before planning the services of <paramref name="scopes"/> (empty when the feature is off).</summary>
    public static IReadOnlyList<ConfigEntryKey> KeysToRead(IEnumerable<ConsulScope> scopes, PlanningOptions options)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(options);
        var keys = new List<ConfigEntryKey>();
        foreach (var scope in scopes)
        {
            foreach (var key in KeysOf(scope, options))
            {
                if (!keys.Contains(key))
                {
                    keys.Add(key);
                }
            }
        }

        return keys;
    }

    /// <summary>The sentence reported when an entry does not exist and CREATE_GATEWAY_ENTRIES is off.</summary>
    public static string MissingMessage(ConfigEntryKey key) =>
        $"{key} does not exist, so the Lambda services are not listed in it; create it (with the services it must list besides the Lambda ones) or set {EnvironmentVariables.CreateGatewayEntries}=true.";

    /// <summary>The sentence reported when the token may not write an entry: the ACL rule to grant.</summary>
    public static string WriteDeniedMessage(ConfigEntryKey key, string consulMessage) =>
        $"writing {key} was denied ({consulMessage}); grant the registrator's token mesh = \"write\" (Consul falls back to operator = \"write\" when mesh is not set), or unset {VariableOf(key.Kind)}.";

    /// <summary>The sentence reported when the token may not read an entry: the ACL rule to grant.</summary>
    public static string ReadDeniedMessage(ConfigEntryKey key, string consulMessage) =>
        $"reading {key} was denied ({consulMessage}); grant the registrator's token " +
        (string.Equals(key.Kind, TerminatingGateway.KindName, StringComparison.OrdinalIgnoreCase)
            ? $"service \"{key.Name}\" {{ policy = \"read\" }}"
            : "mesh = \"read\" (mesh = \"write\" implies it)") +
        $", or unset {VariableOf(key.Kind)}.";

    // The entries one service (or one scope) is listed in: the datacenter config entries live in (the primary in a WAN
    // federation), the same partition, namespace default on Enterprise.
    private static IEnumerable<ConfigEntryKey> KeysOf(ConsulScope scope, PlanningOptions options)
    {
        var entryScope = ConsulObjects.ConfigEntryScope(scope, options);
        var shared = options.Enterprise
            ? new ConsulScope(entryScope.Datacenter, entryScope.Partition ?? DesiredServices.DefaultName, DesiredServices.DefaultName)
            : new ConsulScope(entryScope.Datacenter, null, null);
        if (options.TerminatingGateway is { } gateway)
        {
            yield return new ConfigEntryKey(TerminatingGateway.KindName, shared, gateway);
        }

        if (options.ExportTo.Count > 0)
        {
            yield return new ConfigEntryKey(ExportedServices.KindName, shared, options.Enterprise ? shared.Partition! : ExportedServices.CommunityEditionName);
        }
    }

    /// <summary>
    /// The steps that list <paramref name="service"/> in every configured shared entry that does not list it yet (or
    /// lists it differently), with one drift phrase each. An entry that is missing (and may not be created) or could
    /// not be read is reported once per sync, and the service is still registered.
    /// </summary>
    internal static List<PlanStep> Present(PlanContext context, ServiceKey service, List<string> drift)
    {
        var steps = new List<PlanStep>();
        foreach (var key in KeysOf(service.Scope, context.Options))
        {
            var item = ItemOf(key, service, context.Options);
            if (!Readable(context, key, service, out var entry))
            {
                continue;
            }

            if (entry is null)
            {
                if (!context.Options.CreateGatewayEntries)
                {
                    Report(context, key, service, MissingMessage(key));
                    continue;
                }

                drift.Add($"{key} missing");
            }
            else if (entry.Entry.Body is not SharedServicesBody body)
            {
                continue;
            }
            else if (body.Find(item) is not { } found)
            {
                drift.Add($"not in {key}");
            }
            else if (!body.InSync(found, item))
            {
                drift.Add($"{key} lists it differently");
            }
            else
            {
                continue;
            }

            steps.Add(new UpdateSharedEntry(key, [item], [], context.Options.CreateGatewayEntries));
        }

        return steps;
    }

    /// <summary>The steps that remove <paramref name="service"/> from every configured shared entry that lists it (before it is deregistered).</summary>
    internal static List<PlanStep> Absent(PlanContext context, ServiceKey service)
    {
        var steps = new List<PlanStep>();
        foreach (var key in KeysOf(service.Scope, context.Options))
        {
            var item = ItemOf(key, service, context.Options);
            if (Readable(context, key, service, out var entry)
                && entry?.Entry.Body is SharedServicesBody body && body.Find(item) is not null)
            {
                steps.Add(new UpdateSharedEntry(key, [], [item], false));
            }
        }

        return steps;
    }

    private static SharedItem ItemOf(ConfigEntryKey key, ServiceKey service, PlanningOptions options)
    {
        var ns = options.Enterprise ? service.Namespace ?? DesiredServices.DefaultName : null;
        return string.Equals(key.Kind, TerminatingGateway.KindName, StringComparison.OrdinalIgnoreCase)
            ? TerminatingGateway.Item(service.Name, ns)
            : ExportedServices.Item(service.Name, ns, options.ExportTo);
    }

    // False when the entry was not read in this sync (nothing is planned for it) or its read failed (reported once).
    private static bool Readable(PlanContext context, ConfigEntryKey key, ServiceKey service, out ObservedConfigEntry? entry)
    {
        entry = null;
        if (!context.Observed.SharedEntries.TryGetValue(key, out var read))
        {
            return false;
        }

        if (read.Error is { } error)
        {
            Report(context, key, service, error);
            return false;
        }

        entry = read.Entry;
        return true;
    }

    private static void Report(PlanContext context, ConfigEntryKey key, ServiceKey service, string message)
    {
        if (context.ReportedSharedEntries.Add(key))
        {
            context.Problem(PlanProblemKind.SharedEntryUnavailable, null, service, message + " The services themselves are registered.");
        }
    }

    private static string VariableOf(string kind) =>
        string.Equals(kind, TerminatingGateway.KindName, StringComparison.OrdinalIgnoreCase) ? EnvironmentVariables.TerminatingGateway : EnvironmentVariables.ExportTo;
}
