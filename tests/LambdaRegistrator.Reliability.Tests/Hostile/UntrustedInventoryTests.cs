using System.Text.RegularExpressions;
using LambdaRegistrator.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LambdaRegistrator.Reliability.Tests.Hostile;

/// <summary>
/// Names, ARNs and tag values from AWS are untrusted. A registrator in any partition (aws-cn, aws-us-gov, the four ISO
/// partitions, aws-eusc) works like one in aws; an inventory holding ARNs AWS would never return (other partitions,
/// regions or accounts, malformed, qualified) affects only those entries; and every name reaches a URL percent-encoded.
/// </summary>
public sealed partial class UntrustedInventoryTests(HostileFixture fixture, ITestOutputHelper output) : IClassFixture<HostileFixture>
{
    public static TheoryData<string, string, string> Partitions => new()
    {
        { "aws", "us-east-1", "tagging" },
        { "aws-cn", "cn-north-1", "tagging" },
        { "aws-cn", "cn-northwest-1", "list-functions" },
        { "aws-us-gov", "us-gov-west-1", "tagging" },
        { "aws-us-gov", "us-gov-east-1", "list-functions" },
        { "aws-iso", "us-iso-east-1", "tagging" },
        { "aws-iso-b", "us-isob-east-1", "list-functions" },
        { "aws-iso-e", "eu-isoe-west-1", "tagging" },
        { "aws-iso-f", "us-isof-south-1", "list-functions" },
        { "aws-eusc", "eusc-de-east-1", "tagging" },
    };

    [Theory]
    [MemberData(nameof(Partitions))]
    public async Task Sync_RegistratorInAnyPartition_RegistersItsFunctionsWithTheirArns(string partition, string region, string strategy)
    {
        var arn = $"arn:{partition}:lambda:{region}:123456789012:function:orders";
        fixture.Reset([new FakeFunction("orders", arn, TagSet.Enabled("live")) { Aliases = ["live"] }]);
        var environment = Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul, ("AWS_REGION", region), ("INVENTORY_STRATEGY", strategy));
        using var rig = await Rig.StartAsync(environment);

        var full = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(full.Outcome == SyncOutcome.Succeeded, full.ToString());
        var owner = $"123456789012/{region}";
        ExpectedService.AssertConverged(await ConsulState.ReadAsync(fixture.Consul), [.. ExpectedService.For("orders", arn, ["live"])], owner);

        fixture.Aws.Set([new FakeFunction("orders", arn, TagSet.Of(("enabled", "false")))]);
        var untag = SampleEvents.Text("untag-resource.json")
            .Replace("arn:aws:lambda:us-east-1:", $"arn:{partition}:lambda:{region}:", StringComparison.Ordinal)
            .Replace("\"us-east-1\"", $"\"{region}\"", StringComparison.Ordinal);
        var targeted = await rig.Registrator.HandleEventAsync(System.Text.Encoding.UTF8.GetBytes(untag), SyncContext.None, CancellationToken.None);

        Assert.True(targeted.Outcome == SyncOutcome.Succeeded, targeted.ToString());
        Assert.Empty((await ConsulState.ReadAsync(fixture.Consul)).ServiceNames);
    }

    private static readonly FakeFunction[] ForeignArns =
    [
        new("cn-fn", "arn:aws-cn:lambda:cn-north-1:123456789012:function:cn-fn", TagSet.Enabled()),
        new("other-region", "arn:aws:lambda:eu-west-1:123456789012:function:other-region", TagSet.Enabled()),
        new("other-account", "arn:aws:lambda:us-east-1:999999999999:function:other-account", TagSet.Enabled()),
    ];

    [Theory]
    [InlineData("tagging")]
    [InlineData("list-functions")]
    public async Task FullSync_MalformedArnsInTheInventory_OnlyThoseEntriesAreSkippedAndNamesAreEncoded(string strategy)
    {
        var longName = new string('n', 64);
        fixture.Reset(
        [
            FakeFunction.Of("orders", TagSet.Enabled("live"), "live"),
            FakeFunction.Of(longName, TagSet.Enabled()),
            new FakeFunction("bad/../x", "arn:aws:lambda:us-east-1:123456789012:function:bad/../x", TagSet.Enabled()),
            new FakeFunction("orders?dc=dc2", "arn:aws:lambda:us-east-1:123456789012:function:orders?dc=dc2", TagSet.Enabled()),
            new FakeFunction("not-an-arn", "not-an-arn", TagSet.Enabled()),
            new FakeFunction("orders:live", "arn:aws:lambda:us-east-1:123456789012:function:orders:live", TagSet.Enabled()),
            new FakeFunction("layer", "arn:aws:lambda:us-east-1:123456789012:layer:orders:1", TagSet.Enabled()),
        ]);
        using var rig = await Rig.StartAsync(Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul, ("INVENTORY_STRATEGY", strategy)));

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        Assert.True(report.Outcome == SyncOutcome.Succeeded, report.ToString());
        var state = await ConsulState.ReadAsync(fixture.Consul);
        Assert.Equal(new[] { longName, "orders", "orders-live" }.Order(StringComparer.Ordinal), state.ServiceNames);
        foreach (var request in fixture.Aws.Requests.Where(r => r.StartsWith("GET /2015-03-31/functions/", StringComparison.Ordinal)))
        {
            // One path segment per function, percent-encoded: nothing of a name can become a path, query or fragment.
            Assert.Matches(EncodedFunctionPath(), request);
        }
    }

    // The event path ignores events about other accounts and regions (HostileEventTests: other-account.json,
    // other-region.json, other-partition-*.json); the inventory path must not register such functions either: another
    // registrator owns them, and this one would take their names under its own owner id.
    [Theory]
    [InlineData("tagging")]
    [InlineData("list-functions")]
    public async Task FullSync_InventoryListsArnsOfAnotherPartitionRegionOrAccount_TheyAreNotRegistered(string strategy)
    {
        fixture.Reset([FakeFunction.Of("orders", TagSet.Enabled()), .. ForeignArns]);
        using var rig = await Rig.StartAsync(Rig.EnvironmentFor(fixture.Aws.Endpoint, fixture.Consul, ("INVENTORY_STRATEGY", strategy)));

        var report = await rig.Registrator.FullSyncAsync(dryRun: false);

        output.WriteLine(report.ToString());
        Assert.Equal(["orders"], (await ConsulState.ReadAsync(fixture.Consul)).ServiceNames);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex ServiceName();

    // GetFunction (optionally ?Qualifier=<alias>, how a full sync confirms an alias) or ListAliases (with its paging query).
    [GeneratedRegex(@"^GET /2015-03-31/functions/[A-Za-z0-9%_.\-]+(/aliases)?(\?[A-Za-z0-9=&%_.\-]*)?$")]
    private static partial Regex EncodedFunctionPath();
}
