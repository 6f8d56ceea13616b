namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>Small, readable inventories for <see cref="HostileAws"/> and what Consul should hold once they are synced.</summary>
internal static class Inventories
{
    public const string Owner = "123456789012/us-east-1";

    /// <summary><paramref name="count"/> enabled functions <c>fn-00</c>..., every third with aliases <c>live</c> and <c>canary</c>.</summary>
    public static List<FakeFunction> Enabled(int count, string prefix = "fn") =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            string[] aliases = i % 3 == 0 ? ["live", "canary"] : [];
            return FakeFunction.Of($"{prefix}-{i:00}", TagSet.Enabled(aliases), aliases);
        })];

    /// <summary>The services an inventory of enabled functions should produce.</summary>
    public static List<ExpectedService> Expected(IEnumerable<FakeFunction> functions) =>
        [.. functions.SelectMany(f => ExpectedService.For(f.Name, f.Arn, f.Aliases))];
}
