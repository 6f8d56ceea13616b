using LambdaRegistrator.Core.Tags;
using LambdaRegistrator.TestKit.Aws;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>
/// One moto_server for the CLI tests, seeded once with the functions the samples and the demo use. Tests only read it
/// (register/deregister write to Consul, not AWS), so they can share it.
/// </summary>
public sealed class SeededAws : IAsyncLifetime
{
    /// <summary>Enabled, aliases=live, with a published alias live; the function of every samples/events CloudTrail event.</summary>
    public const string Orders = "orders";

    /// <summary>Enabled, ASYNCHRONOUS, payload-passthrough.</summary>
    public const string Payments = "payments";

    /// <summary>enabled=false.</summary>
    public const string LegacyBatch = "legacy-batch";

    /// <summary>enabled=true with invocation-mode=SOMETIMES: an invalid tag.</summary>
    public const string Broken = "broken";

    /// <summary>No registrator tags; has a published alias prod (for register/deregister).</summary>
    public const string Reports = "reports";

    private MotoServer? _moto;

    /// <summary>The running server.</summary>
    public MotoServer Moto => _moto ?? throw new InvalidOperationException("moto_server is not started.");

    /// <summary>The full ARN of a seeded function.</summary>
    public static string Arn(string functionName) => LambdaArn.Create(MotoServer.Region, MotoServer.AccountId, functionName).ToString();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _moto = await MotoServer.StartAsync();
        var seed = _moto.Seed;
        var role = await seed.CreateRoleAsync("lambda-registrator-cli-tests");
        await seed.CreateFunctionAsync(Orders, role, Tags(("enabled", "true"), ("aliases", "live")));
        await seed.CreateAliasAsync(Orders, "live", await seed.PublishVersionAsync(Orders));
        await seed.CreateFunctionAsync(Payments, role, Tags(("enabled", "true"), ("invocation-mode", "ASYNCHRONOUS"), ("payload-passthrough", "true")));
        await seed.CreateFunctionAsync(LegacyBatch, role, Tags(("enabled", "false")));
        await seed.CreateFunctionAsync(Broken, role, Tags(("enabled", "true"), ("invocation-mode", "SOMETIMES")));
        await seed.CreateFunctionAsync(Reports, role);
        await seed.CreateAliasAsync(Reports, "prod", await seed.PublishVersionAsync(Reports));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_moto is not null)
        {
            await _moto.DisposeAsync();
        }
    }

    private static Dictionary<string, string> Tags(params (string Name, string Value)[] tags) =>
        tags.ToDictionary(t => LambdaTags.Prefix + t.Name, t => t.Value, StringComparer.Ordinal);
}
