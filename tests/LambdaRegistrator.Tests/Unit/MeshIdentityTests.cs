using LambdaRegistrator.Core.Configuration;
using System.Text.Json;
using LambdaRegistrator.Tests.Fakes;

namespace LambdaRegistrator.Tests.Unit;

/// <summary>Mesh identity (CONSUL_EXTENSION_DATA_PREFIX): written on registration, free in a warm steady state, deleted on deregistration.</summary>
public sealed class MeshIdentityTests
{
    private const string Prefix = "/consul/lambda/extension-data";

    [Fact]
    public async Task FullSync_ExtensionDataPrefix_WritesEachServiceIdentityOnceAndDeletesItOnDeregistration()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled(("aliases", "live")), "live");
        h.Tagging.MirrorFrom(h.Lambda);
        using var registrator = h.Create(("CONSUL_EXTENSION_DATA_PREFIX", Prefix));

        var first = await registrator.FullSyncAsync(dryRun: false);

        Assert.Equal(SyncOutcome.Succeeded, first.Outcome);
        Assert.Equal([Prefix + "/default/default/a", Prefix + "/default/default/a-live"], h.Parameters.Values.Keys.Order(StringComparer.Ordinal));
        using (var value = JsonDocument.Parse(h.Parameters.Values[Prefix + "/default/default/a"].Value))
        {
            Assert.Equal(["privateKeyPEM", "certPEM", "rootCertPEM", "trustDomain"], value.RootElement.EnumerateObject().Select(p => p.Name));
            Assert.Equal("fake.consul", value.RootElement.GetProperty("trustDomain").GetString());
        }

        var calls = h.Parameters.Calls.Count;
        await registrator.FullSyncAsync(dryRun: false);
        Assert.Equal(calls, h.Parameters.Calls.Count);

        h.Lambda.Functions.TryRemove("a", out _);
        h.Tagging.MirrorFrom(h.Lambda);
        await registrator.FullSyncAsync(dryRun: false);
        Assert.Empty(h.Parameters.Values);
    }

    [Fact]
    public async Task FullSync_ColdContainer_ReadsEachStoredIdentityOnceAndRewritesNothingFresh()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using (var warm = h.Create(("CONSUL_EXTENSION_DATA_PREFIX", Prefix)))
        {
            await warm.FullSyncAsync(dryRun: false);
        }

        var leaves = h.Consul.LeafRequests;
        using var cold = h.Create(("CONSUL_EXTENSION_DATA_PREFIX", Prefix));
        var calls = h.Parameters.Calls.Count;

        await cold.FullSyncAsync(dryRun: false);
        await cold.FullSyncAsync(dryRun: false);

        Assert.Equal(["GetParameter " + Prefix + "/default/default/a"], h.Parameters.Calls.Skip(calls));
        Assert.Equal(leaves, h.Consul.LeafRequests);
    }

    [Fact]
    public async Task FullSync_StoredIdentityPastHalfItsLifetime_IsRefreshed()
    {
        var h = new Harness();
        h.Lambda.Add("a", Harness.Enabled());
        h.Tagging.MirrorFrom(h.Lambda);
        using (var warm = h.Create(("CONSUL_EXTENSION_DATA_PREFIX", Prefix)))
        {
            await warm.FullSyncAsync(dryRun: false);
        }

        // An identity stored with a certificate that is almost expired.
        using var key = System.Security.Cryptography.ECDsa.Create();
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=a", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        using var old = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddHours(-70), DateTimeOffset.UtcNow.AddHours(2));
        var stale = JsonSerializer.Serialize(new Dictionary<string, string> { ["privateKeyPEM"] = "k", ["certPEM"] = old.ExportCertificatePem(), ["rootCertPEM"] = "r", ["trustDomain"] = "t" }, TestJsonContext.Default.DictionaryStringString);
        h.Parameters.Values[Prefix + "/default/default/a"] = (stale, ParameterTier.Standard);
        using var cold = h.Create(("CONSUL_EXTENSION_DATA_PREFIX", Prefix));

        await cold.FullSyncAsync(dryRun: false);

        Assert.NotEqual(stale, h.Parameters.Values[Prefix + "/default/default/a"].Value);
    }
}
