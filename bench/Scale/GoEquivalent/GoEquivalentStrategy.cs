using System.Buffers;
using System.Text.Json;
using LambdaRegistrator.Aws;
using LambdaRegistrator.Aws.Lambda;
using LambdaRegistrator.Bench.Scale.Account;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Catalog;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;

namespace LambdaRegistrator.Bench.Scale.GoEquivalent;

/// <summary>
/// The Go registrator's algorithm (hashicorp/terraform-aws-consul-lambda, consul-lambda-registrator: trigger.go,
/// lambda_client.go, upsert_event.go, delete_event.go, main.go) on top of this project's AWS and Consul clients, as the
/// bench's baseline. Full sync: ListFunctions page by page with one GetFunction per listed function, all sequential;
/// one <c>GET /v1/catalog/services</c>; upsert every enabled service missing from the catalog, delete every managed
/// service no enabled function claims; events reconciled one after another. CloudTrail event: GetFunction, then an
/// unconditional upsert (config entry PUT + catalog register) or delete of the function and each alias.
/// </summary>
/// <remarks>
/// Why these details: they are what makes the Go original's cost. It never compares existing services with the tags
/// (only names), never lists aliases (names come from the aliases tag), and writes on every event whether or not
/// anything changed. The CE path only: no namespaces or partitions, no TLS data (no extension-data prefix in the bench).
/// </remarks>
internal sealed class GoEquivalentStrategy(ILambdaApi lambda, IConsulClient consul, string nodeName, int pageSize)
{
    private const string ManagedTag = "managed-by-lambda-registrator";
    private const string Synchronous = "SYNCHRONOUS";
    private const string Asynchronous = "ASYNCHRONOUS";

    /// <summary>The scheduled full sync (Go: <c>FullSyncData</c> then <c>Reconcile</c> per event).</summary>
    public async Task<GoSyncResult> FullSyncAsync(CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        var lambdas = new Dictionary<string, GoEvent>(StringComparer.Ordinal);
        var eventErrors = new List<string>();
        try
        {
            await foreach (var listed in lambda.ListFunctionsAsync(pageSize, cancellationToken))
            {
                FunctionDetails? details;
                try
                {
                    details = await lambda.GetFunctionAsync(listed.FunctionArn, cancellationToken);
                }
                catch (AwsServiceException exception)
                {
                    // Go: lambda_client.ListFunctions collects the error and skips the function (and then drops the error).
                    errors.Add($"GetFunction {listed.FunctionArn}: {exception.Message}");
                    continue;
                }

                if (details is null)
                {
                    errors.Add($"GetFunction {listed.FunctionArn}: not found");
                    continue;
                }

                var (events, error) = LambdaEvents(details);
                if (error is not null)
                {
                    eventErrors.Add(error);
                    continue;
                }

                foreach (var e in events)
                {
                    lambdas[e.Name] = e;
                }
            }
        }
        catch (AwsServiceException exception)
        {
            // Go: an error on a ListFunctions page fails the whole full sync before anything is written.
            return new GoSyncResult(0, 0, [.. errors, $"ListFunctions: {exception.Message}"]);
        }

        if (eventErrors.Count > 0)
        {
            // Go: getLambdas returns the joined GetLambdaEvents errors and FullSyncData aborts on them.
            return new GoSyncResult(0, 0, [.. errors, .. eventErrors]);
        }

        IReadOnlyDictionary<string, IReadOnlyList<string>> services;
        try
        {
            services = (await consul.ListServicesAsync(ConsulScope.Default, null, cancellationToken)).Value;
        }
        catch (ConsulException exception)
        {
            return new GoSyncResult(0, 0, [.. errors, $"catalog services: {exception.Message}"]);
        }

        var managed = services.Where(s => s.Value.Contains(ManagedTag, StringComparer.Ordinal)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var work = new List<GoEvent>();
        foreach (var e in lambdas.Values)
        {
            if (e.Upsert != managed.Contains(e.Name))
            {
                work.Add(e);
            }
        }

        foreach (var name in managed.Where(name => !lambdas.ContainsKey(name)))
        {
            work.Add(new GoEvent(false, name, ConsulScope.Default, string.Empty, false, Synchronous));
        }

        var result = await ReconcileAsync(work, cancellationToken);
        return result with { Errors = [.. errors, .. result.Errors] };
    }

    /// <summary>A CloudTrail TagResource/UntagResource/CreateFunction event for <paramref name="functionArn"/> (Go: <c>AWSEventToEvents</c>).</summary>
    public async Task<GoSyncResult> HandleFunctionEventAsync(string functionArn, CancellationToken cancellationToken)
    {
        FunctionDetails? details;
        try
        {
            details = await lambda.GetFunctionAsync(functionArn, cancellationToken);
        }
        catch (AwsServiceException exception)
        {
            return new GoSyncResult(0, 0, [$"GetFunction {functionArn}: {exception.Message}"]);
        }

        if (details is null)
        {
            return new GoSyncResult(0, 0, [$"GetFunction {functionArn}: not found"]);
        }

        var (events, error) = LambdaEvents(details);
        return error is not null ? new GoSyncResult(0, 0, [error]) : await ReconcileAsync(events, cancellationToken);
    }

    private static Dictionary<string, JsonElement> Arguments(GoEvent e)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("arn", e.Arn);
            // Why: Go writes the tag value as given, upper case; Consul's extension only recognises lower case.
            writer.WriteString("invocationMode", e.InvocationMode);
            writer.WriteBoolean("payloadPassthrough", e.PayloadPassthrough);
            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
    }

    // Go: GetLambdaEvents. Exact, case-sensitive comparisons and no alias validation, as in the original.
    private static (IReadOnlyList<GoEvent> Events, string? Error) LambdaEvents(FunctionDetails details)
    {
        var tags = details.Tags.TryGetValues(out var values) ? values : new Dictionary<string, string>();
        var name = details.Configuration.FunctionName;
        var arn = details.Configuration.FunctionArn;
        var datacenter = tags.GetValueOrDefault(SyntheticAccount.TagPrefix + "datacenter");
        var enabled = tags.TryGetValue(SyntheticAccount.EnabledTag, out var e) && e == "true";
        var passthrough = tags.TryGetValue(SyntheticAccount.PayloadPassthroughTag, out var p) && p == "true";
        var mode = tags.GetValueOrDefault(SyntheticAccount.InvocationModeTag) ?? Synchronous;
        if (mode is not (Synchronous or Asynchronous))
        {
            return ([], $"invalid invocation mode: {mode}");
        }

        if (tags.ContainsKey(SyntheticAccount.TagPrefix + "partition") || tags.ContainsKey(SyntheticAccount.TagPrefix + "namespace"))
        {
            return ([], "namespaces and admin partitions require Consul enterprise");
        }

        var scope = new ConsulScope(string.IsNullOrEmpty(datacenter) ? null : datacenter);
        var aliases = tags.TryGetValue(SyntheticAccount.AliasesTag, out var raw) ? raw.Split('+') : [];
        var events = new List<GoEvent> { new(enabled, name, scope, arn, passthrough, mode) };
        events.AddRange(aliases.Select(alias => new GoEvent(enabled, $"{name}-{alias}", scope, $"{arn}:{alias}", passthrough, mode)));
        return (events, null);
    }

    private async Task<GoSyncResult> ReconcileAsync(IReadOnlyList<GoEvent> events, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        int upserts = 0, deletes = 0;
        foreach (var e in events)
        {
            try
            {
                if (e.Upsert)
                {
                    var entry = new ServiceDefaultsEntry
                    {
                        Name = e.Name,
                        Protocol = "http",
                        EnvoyExtensions = [new EnvoyExtension { Name = EnvoyExtension.AwsLambdaName, Required = false, Arguments = Arguments(e) }],
                    };
                    await consul.SetServiceDefaultsAsync(entry, e.Scope, null, cancellationToken);
                    await consul.RegisterAsync(
                        new CatalogRegistration
                        {
                            Node = nodeName,
                            SkipNodeUpdate = true,
                            NodeMeta = new Dictionary<string, string>(StringComparer.Ordinal) { ["external-node"] = "true", ["external-probe"] = "true" },
                            Service = new AgentService { Id = e.Name, Service = e.Name, Tags = [ManagedTag] },
                        },
                        e.Scope,
                        cancellationToken);
                    upserts++;
                }
                else
                {
                    await consul.DeleteServiceDefaultsAsync(e.Name, e.Scope, null, cancellationToken);
                    await consul.DeregisterAsync(new CatalogDeregistration { Node = nodeName, ServiceId = e.Name }, e.Scope, cancellationToken);
                    deletes++;
                }
            }
            catch (ConsulException exception)
            {
                errors.Add($"{(e.Upsert ? "upsert" : "delete")} {e.Name}: {exception.Message}");
            }
        }

        return new GoSyncResult(upserts, deletes, errors);
    }
}
