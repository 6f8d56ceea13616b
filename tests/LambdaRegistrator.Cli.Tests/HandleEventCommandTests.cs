using System.Text;
using System.Text.Json;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// <c>handle-event</c> with the samples/events files (linked as events/*.json). Their ARNs already name the seeded
/// function (<c>orders</c> in moto's account 123456789012, us-east-1), so they are used unchanged.
/// </summary>
[Collection(SeededAwsDefinition.Name)]
public sealed class HandleEventCommandTests(SeededAws aws)
{
    public static TheoryData<string, string, string, string, string[]> Samples => new()
    {
        { "scheduled event: full sync", "scheduled-event.json", "succeeded", "full-sync", ["orders", "orders-live", "payments"] },
        { "manual aws.events invocation: full sync", "manual-full-sync.json", "succeeded", "full-sync", ["orders", "orders-live", "payments"] },
        { "CreateFunction: that function only", "create-function.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "TagResource: that function only", "tag-resource.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "CreateAlias: that function only", "create-alias.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "UpdateFunctionConfiguration recording only layers: named by requestParameters", "update-function-configuration-layers.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "UpdateFunctionConfiguration, responseElements omitted: partial ARN in requestParameters", "update-function-configuration-omitted-response.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "UpdateFunctionConfiguration, null responseElements: ARN in requestParameters", "update-function-configuration-null-response.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "CreateFunction, responseElements omitted: named by requestParameters", "create-function-omitted-response.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "CreateFunction, null responseElements: named by requestParameters", "create-function-null-response.json", "succeeded", "targeted-sync", ["orders", "orders-live"] },
        { "TagResource on a function without registrator tags: nothing registered", "tag-resource-untagged-function.json", "succeeded", "targeted-sync", [] },
        { "failed API call: ignored", "failed-delete-function.json", "ignored", "ignored", [] },
        { "tags on an event-source mapping: ignored", "tag-event-source-mapping.json", "ignored", "ignored", [] },
        { "PublishVersion: ignored", "publish-version.json", "ignored", "ignored", [] },
    };

    public static TheoryData<string, string> Malformed => new()
    {
        { "not JSON", "this is not an event" },
        { "JSON without source", """{"detail-type":"Scheduled Event","detail":{}}""" },
        { "a JSON array", "[1,2,3]" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task HandleEvent_Sample_PrintsTheFunctionResponseAndSyncsWhatItNames(
        string caseName, string file, string outcome, string trigger, string[] services)
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "handle-event", Path.Combine("events", file));

        Assert.True(run.ExitCode == 0, $"{caseName}: {run}");
        using var response = JsonDocument.Parse(run.Stdout);
        Assert.Equal(outcome, response.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(trigger, response.RootElement.GetProperty("trigger").GetString());
        Assert.Equal(services, await ConsulState.ServicesAsync(consul));
    }

    [Fact]
    public async Task HandleEvent_FunctionWithoutRegistratorTags_TheResponseSaysWhy()
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(Cli.Environment(aws, consul), "handle-event", Path.Combine("events", "tag-resource-untagged-function.json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        using var response = JsonDocument.Parse(run.Stdout);
        Assert.Equal(0, response.RootElement.GetProperty("registered").GetInt32());
        Assert.Contains(SeededAws.Reports + " has no registrator tags", response.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats!.Writes);
    }

    [Fact]
    public async Task HandleEvent_Stdin_ReadsTheEventFromStandardInput()
    {
        await using var consul = await Cli.StartConsulAsync();
        var sample = await File.ReadAllBytesAsync(Path.Combine("events", "tag-resource.json"));

        var run = await Cli.RunAsync(host => host with { OpenStdin = () => new MemoryStream(sample) }, Cli.Environment(aws, consul), "handle-event", "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["orders", "orders-live"], await ConsulState.ServicesAsync(consul));
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task HandleEvent_MalformedEvent_ExitsOneRejectedAndWritesNothing(string caseName, string body)
    {
        await using var consul = await Cli.StartConsulAsync();

        var run = await Cli.RunAsync(
            host => host with { OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(body)) }, Cli.Environment(aws, consul), "handle-event", "-");

        Assert.True(run.ExitCode == 1, $"{caseName}: {run}");
        using var response = JsonDocument.Parse(run.Stdout);
        Assert.Equal("rejected", response.RootElement.GetProperty("outcome").GetString());
        Assert.False(string.IsNullOrWhiteSpace(response.RootElement.GetProperty("reason").GetString()));
        Assert.Contains("the event was rejected", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, consul.Stats!.Writes);
    }
}
