using System.Text.Json;
using LambdaRegistrator.Consul.ConfigEntries;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Consul.Tests.Fixtures;

namespace LambdaRegistrator.Consul.Tests;

public sealed class ConsulClientConfigEntriesTests : IClassFixture<ConsulFixture>, IDisposable
{
    private const string Arn = "arn:aws:lambda:eu-west-1:123456789012:function:fn";
    private readonly ConsulClient _client;
    private readonly string _fn = ConsulFixture.Unique("fn");

    public ConsulClientConfigEntriesTests(ConsulFixture consul)
    {
        _client = consul.Client();
    }

    public void Dispose() => _client.Dispose();

    private static ServiceDefaultsEntry Entry(string name, string owner = "me", bool passthrough = false) => new()
    {
        Name = name,
        Protocol = "http",
        Meta = new Dictionary<string, string> { ["lambda-registrator-owner"] = owner },
        EnvoyExtensions = [EnvoyExtension.AwsLambda(Arn, passthrough, "asynchronous")],
    };

    [Fact]
    public async Task SetServiceDefaultsAsync_LambdaEntry_ReadBackUnchanged()
    {
        Assert.True(await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None));

        var read = await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None);

        var entry = Assert.IsType<ServiceDefaultsEntry>(read.Value);
        Assert.Equal("service-defaults", entry.Kind);
        Assert.Equal("http", entry.Protocol);
        Assert.Equal("me", entry.Meta["lambda-registrator-owner"]);
        var extension = Assert.Single(entry.EnvoyExtensions);
        Assert.Equal(EnvoyExtension.AwsLambdaName, extension.Name);
        Assert.Equal(Arn, extension.Arguments["arn"].GetString());
        Assert.Equal("asynchronous", extension.Arguments["invocationMode"].GetString());
        Assert.False(extension.Arguments["payloadPassthrough"].GetBoolean());
        Assert.True(entry.ModifyIndex > 0);
        Assert.True(read.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task GetServiceDefaultsAsync_Missing_NullValueNotError()
    {
        var read = await _client.GetServiceDefaultsAsync(ConsulFixture.Unique("missing"), ConsulScope.Default, CancellationToken.None);

        Assert.Null(read.Value);
        Assert.True(read.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_CasZeroOnNewEntry_Created()
    {
        Assert.True(await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: 0, CancellationToken.None));

        Assert.NotNull((await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_CasZeroOnExistingDifferentEntry_FalseAndUnchanged()
    {
        await _client.SetServiceDefaultsAsync(Entry(_fn, owner: "first"), ConsulScope.Default, cas: null, CancellationToken.None);

        var applied = await _client.SetServiceDefaultsAsync(Entry(_fn, owner: "second"), ConsulScope.Default, cas: 0, CancellationToken.None);

        Assert.False(applied);
        var stored = (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value;
        Assert.Equal("first", stored?.Meta["lambda-registrator-owner"]);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_CasWithCurrentIndex_Applied()
    {
        await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None);
        var current = (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value!;

        var applied = await _client.SetServiceDefaultsAsync(Entry(_fn, passthrough: true), ConsulScope.Default, current.ModifyIndex, CancellationToken.None);

        Assert.True(applied);
        var stored = (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value!;
        Assert.True(stored.EnvoyExtensions[0].Arguments["payloadPassthrough"].GetBoolean());
        Assert.True(stored.ModifyIndex > current.ModifyIndex);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_CasWithStaleIndex_False()
    {
        await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None);
        var stale = (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value!.ModifyIndex;
        await _client.SetServiceDefaultsAsync(Entry(_fn, owner: "racer"), ConsulScope.Default, stale, CancellationToken.None);

        var applied = await _client.SetServiceDefaultsAsync(Entry(_fn, owner: "late"), ConsulScope.Default, stale, CancellationToken.None);

        Assert.False(applied);
        Assert.Equal("racer", (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value?.Meta["lambda-registrator-owner"]);
    }

    [Fact]
    public async Task SetServiceDefaultsAsync_WildcardName_ValidationError()
    {
        var e = await Assert.ThrowsAsync<ConsulValidationException>(() =>
            _client.SetServiceDefaultsAsync(Entry("*"), ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Contains("must be the name of a service, and not a wildcard", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteServiceDefaultsAsync_WithoutCas_DeletedAndIdempotent()
    {
        await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None);

        Assert.True(await _client.DeleteServiceDefaultsAsync(_fn, ConsulScope.Default, cas: null, CancellationToken.None));
        Assert.True(await _client.DeleteServiceDefaultsAsync(_fn, ConsulScope.Default, cas: null, CancellationToken.None));

        Assert.Null((await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task DeleteServiceDefaultsAsync_Cas_FalseWhenStaleTrueWhenCurrent()
    {
        await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None);
        var index = (await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value!.ModifyIndex;

        Assert.False(await _client.DeleteServiceDefaultsAsync(_fn, ConsulScope.Default, cas: index + 1000, CancellationToken.None));
        Assert.NotNull((await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
        Assert.True(await _client.DeleteServiceDefaultsAsync(_fn, ConsulScope.Default, cas: index, CancellationToken.None));
        Assert.Null((await _client.GetServiceDefaultsAsync(_fn, ConsulScope.Default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task ListServiceDefaultsAsync_Filter_OnlyMatchingEntries()
    {
        var owner = ConsulFixture.Unique("owner");
        await _client.SetServiceDefaultsAsync(Entry(_fn + "-a", owner: owner), ConsulScope.Default, cas: null, CancellationToken.None);
        await _client.SetServiceDefaultsAsync(Entry(_fn + "-b", owner: owner), ConsulScope.Default, cas: null, CancellationToken.None);
        await _client.SetServiceDefaultsAsync(Entry(_fn + "-c", owner: "someone-else"), ConsulScope.Default, cas: null, CancellationToken.None);

        var all = await _client.ListServiceDefaultsAsync(ConsulScope.Default, filter: null, CancellationToken.None);
        var mine = await _client.ListServiceDefaultsAsync(ConsulScope.Default, $"Meta[\"lambda-registrator-owner\"] == \"{owner}\"", CancellationToken.None);

        Assert.Superset(new HashSet<string> { _fn + "-a", _fn + "-b", _fn + "-c" }, all.Value.Select(e => e.Name).ToHashSet());
        Assert.Equal([_fn + "-a", _fn + "-b"], mine.Value.Select(e => e.Name));
        Assert.True(mine.Meta.LastIndex > 0);
    }

    [Fact]
    public async Task ListServiceDefaultsAsync_NothingMatches_Empty()
    {
        var none = await _client.ListServiceDefaultsAsync(ConsulScope.Default, $"Name == \"{ConsulFixture.Unique("nobody")}\"", CancellationToken.None);

        Assert.Empty(none.Value);
    }

    [Fact]
    public async Task SetConfigEntryAsync_ReadModifyWriteOfAnotherKind_KeepsEveryFieldItDoesNotTouch()
    {
        var gateway = ConsulFixture.Unique("gw");
        using var services = JsonDocument.Parse("""[{"Name":"db","CAFile":"/etc/ca.pem","SNI":"db.example.com"},{"Name":"web"}]""");
        var written = new ConfigEntry
        {
            Kind = "terminating-gateway",
            Name = gateway,
            Meta = new Dictionary<string, string> { ["team"] = "platform" },
            Fields = new Dictionary<string, JsonElement> { ["Services"] = services.RootElement.Clone() },
        };
        Assert.True(await _client.SetConfigEntryAsync(written, ConsulScope.Default, cas: 0, CancellationToken.None));
        var read = (await _client.GetConfigEntryAsync("terminating-gateway", gateway, ConsulScope.Default, CancellationToken.None)).Value!;

        var changed = read with { Meta = new Dictionary<string, string>(read.Meta) { ["lambda"] = "yes" } };
        Assert.True(await _client.SetConfigEntryAsync(changed, ConsulScope.Default, cas: read.ModifyIndex, CancellationToken.None));

        var after = (await _client.GetConfigEntryAsync("terminating-gateway", gateway, ConsulScope.Default, CancellationToken.None)).Value!;
        Assert.Equal("terminating-gateway", after.Kind);
        Assert.Equal("yes", after.Meta["lambda"]);
        Assert.Equal("platform", after.Meta["team"]);
        Assert.True(JsonElement.DeepEquals(read.Fields!["Services"], after.Fields!["Services"]), after.Fields["Services"].GetRawText());
        Assert.Equal("/etc/ca.pem", after.Fields["Services"][0].GetProperty("CAFile").GetString());
        var late = read with { Meta = new Dictionary<string, string> { ["late"] = "writer" } };
        Assert.False(await _client.SetConfigEntryAsync(late, ConsulScope.Default, cas: read.ModifyIndex, CancellationToken.None));
        Assert.True(await _client.DeleteConfigEntryAsync("terminating-gateway", gateway, ConsulScope.Default, cas: after.ModifyIndex, CancellationToken.None));
        Assert.Null((await _client.GetConfigEntryAsync("terminating-gateway", gateway, ConsulScope.Default, CancellationToken.None)).Value);
    }

    [Fact]
    public async Task ListConfigEntriesAsync_Kind_ListsOnlyThatKind()
    {
        var gateway = ConsulFixture.Unique("gw");
        await _client.SetServiceDefaultsAsync(Entry(_fn), ConsulScope.Default, cas: null, CancellationToken.None);
        await _client.SetConfigEntryAsync(new ConfigEntry { Kind = "terminating-gateway", Name = gateway }, ConsulScope.Default, cas: null, CancellationToken.None);

        var gateways = await _client.ListConfigEntriesAsync("terminating-gateway", ConsulScope.Default, filter: null, CancellationToken.None);
        var defaults = await _client.ListConfigEntriesAsync(ServiceDefaultsEntry.KindName, ConsulScope.Default, $"Name == \"{_fn}\"", CancellationToken.None);

        Assert.Contains(gateways.Value, e => e.Name == gateway);
        Assert.All(gateways.Value, e => Assert.Equal("terminating-gateway", e.Kind));
        var entry = Assert.Single(defaults.Value);
        Assert.Equal(ServiceDefaultsEntry.KindName, entry.Kind);
        Assert.Equal("http", entry.Fields!["Protocol"].GetString());
    }
}
