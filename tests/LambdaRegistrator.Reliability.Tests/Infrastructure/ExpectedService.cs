namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>A service the registrator should have written: its name, the (alias-qualified) ARN Envoy invokes, and its function's ARN (owner meta).</summary>
internal sealed record ExpectedService(string Name, string Arn, string FunctionArn)
{
    /// <summary>The function's service and one per alias.</summary>
    public static IEnumerable<ExpectedService> For(string functionName, string functionArn, IEnumerable<string> aliases) =>
        [new ExpectedService(functionName, functionArn, functionArn), .. aliases.Select(a => new ExpectedService($"{functionName}-{a}", $"{functionArn}:{a}", functionArn))];

    /// <summary>Asserts Consul holds exactly <paramref name="expected"/> for <paramref name="owner"/>: one service and one entry per name, each pointing at its ARN.</summary>
    public static void AssertConverged(ConsulState state, IReadOnlyCollection<ExpectedService> expected, string owner)
    {
        var names = expected.Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
        var owned = state.Services.Where(s => s.Owner == owner).ToList();
        Assert.Equal(names, owned.Select(s => s.Name).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(names, state.Entries.Where(e => e.Owner == owner).Select(e => e.Name).Order(StringComparer.Ordinal).ToList());
        var byName = expected.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var service in owned)
        {
            Assert.True(service.Id == service.Name, $"service {service.Name} has ID {service.Id}");
            Assert.Equal(byName[service.Name].FunctionArn, service.Arn);
        }

        foreach (var entry in state.Entries.Where(e => e.Owner == owner))
        {
            Assert.Equal(byName[entry.Name].Arn, entry.ExtensionArn);
            Assert.Equal(byName[entry.Name].FunctionArn, entry.Arn);
        }
    }
}
