using System.Text.Json;
using LambdaRegistrator.Bench.Scale.Account;
using LambdaRegistrator.Consul;

namespace LambdaRegistrator.Bench.Scale.Orchestration;

/// <summary>
/// The registrator-relevant Consul end state (services on NODE_NAME, service-defaults entries) as sorted canonical
/// lines, and its check against what the account's tags call for. Read outside the measured window.
/// </summary>
internal sealed class ConsulState
{
    private const string NodeName = "lambdas";
    private const string ManagedTag = "managed-by-lambda-registrator";
    private readonly Dictionary<string, (IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Meta)> _services;
    private readonly Dictionary<string, IReadOnlyDictionary<string, JsonElement>> _lambdaArguments;

    private ConsulState(
        Dictionary<string, (IReadOnlyList<string> Tags, IReadOnlyDictionary<string, string> Meta)> services,
        Dictionary<string, IReadOnlyDictionary<string, JsonElement>> lambdaArguments,
        IReadOnlyList<string> lines)
    {
        _services = services;
        _lambdaArguments = lambdaArguments;
        Lines = lines;
    }

    /// <summary>One line per service and per config entry, sorted; equal lines mean equal end states.</summary>
    public IReadOnlyList<string> Lines { get; }

    public static async Task<ConsulState> ReadAsync(Uri consul, CancellationToken cancellationToken)
    {
        using var client = new ConsulClient(new ConsulClientOptions { Address = consul });
        var node = (await client.GetNodeServicesAsync(NodeName, ConsulScope.Default, cancellationToken)).Value;
        var entries = (await client.ListServiceDefaultsAsync(ConsulScope.Default, null, cancellationToken)).Value;
        var services = node.Services.ToDictionary(
            s => s.Service, s => (s.Tags, s.Meta), StringComparer.Ordinal);
        var arguments = entries.ToDictionary(
            e => e.Name,
            e => e.EnvoyExtensions.Count > 0 ? e.EnvoyExtensions[0].Arguments : new Dictionary<string, JsonElement>(),
            StringComparer.Ordinal);
        var lines = new List<string>();
        lines.AddRange(node.Services.Select(s =>
            $"service {s.Id} {s.Service} tags=[{string.Join(',', s.Tags.Order(StringComparer.Ordinal))}] meta={{{Render(s.Meta)}}}"));
        lines.AddRange(entries.Select(e =>
            $"service-defaults {e.Name} protocol={e.Protocol} meta={{{Render(e.Meta)}}} extensions=[{string.Join(';', e.EnvoyExtensions.Select(x => $"{x.Name} required={x.Required} {Render(x.Arguments)}"))}]"));
        lines.Sort(StringComparer.Ordinal);
        return new ConsulState(services, arguments, lines);
    }

    /// <summary>
    /// Differences from what the tags call for. With <paramref name="namesOnly"/> (the Go-equivalent, which never
    /// repairs changed arguments and writes its own value case) only the set of service and entry names is checked.
    /// </summary>
    public IReadOnlyList<string> Check(IReadOnlyList<ExpectedService> expected, bool namesOnly)
    {
        var problems = new List<string>();
        var wanted = expected.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        problems.AddRange(wanted.Where(n => !_services.ContainsKey(n)).Select(n => $"service {n} is missing from node {NodeName}"));
        problems.AddRange(_services.Keys.Where(n => !wanted.Contains(n)).Select(n => $"service {n} should not be registered"));
        problems.AddRange(wanted.Where(n => !_lambdaArguments.ContainsKey(n)).Select(n => $"service-defaults {n} is missing"));
        problems.AddRange(_lambdaArguments.Keys.Where(n => !wanted.Contains(n)).Select(n => $"service-defaults {n} should not exist"));
        if (namesOnly)
        {
            return problems;
        }

        foreach (var service in expected)
        {
            if (_services.TryGetValue(service.Name, out var registered) && !registered.Tags.Contains(ManagedTag, StringComparer.Ordinal))
            {
                problems.Add($"service {service.Name} lacks the {ManagedTag} tag");
            }

            if (!_lambdaArguments.TryGetValue(service.Name, out var args))
            {
                continue;
            }

            var arn = args.TryGetValue("arn", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            var passthrough = args.TryGetValue("payloadPassthrough", out var p) && p.ValueKind == JsonValueKind.True;
            var mode = args.TryGetValue("invocationMode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (arn != service.Arn || passthrough != service.PayloadPassthrough || mode != service.InvocationMode)
            {
                problems.Add($"service-defaults {service.Name} has arn={arn} payloadPassthrough={passthrough} invocationMode={mode}; "
                    + $"the tags call for {service.Arn}, {service.PayloadPassthrough}, {service.InvocationMode}");
            }
        }

        return problems;
    }

    private static string Render(IReadOnlyDictionary<string, string> map) =>
        string.Join(',', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Render(IReadOnlyDictionary<string, JsonElement> map) =>
        string.Join(',', map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value.GetRawText()}"));
}
