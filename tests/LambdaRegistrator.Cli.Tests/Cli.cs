using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Cli.Tests;

/// <summary>Runs the CLI in-process through <see cref="CliApplication"/>, exactly as Program does, with captured writers.</summary>
internal static class Cli
{
    /// <summary>A safety net against a hung run, not an assertion: a run that needs this long has already failed.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    /// <summary>Runs <paramref name="args"/> with exactly <paramref name="environment"/>.</summary>
    public static Task<CliRun> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] args) =>
        RunAsync(host => host, environment, args);

    /// <summary>Runs <paramref name="args"/> with a host adjusted by <paramref name="configure"/> (stdin, progress settings).</summary>
    public static async Task<CliRun> RunAsync(Func<CliHost, CliHost> configure, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var guard = new CancellationTokenSource(HangGuard);
        var exitCode = await CliApplication.RunAsync(args, configure(new CliHost(environment, stdout, stderr)), guard.Token);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The environment of a run against <paramref name="aws"/> and <paramref name="consul"/>, plus <paramref name="extra"/>.</summary>
    public static Dictionary<string, string?> Environment(SeededAws aws, ConsulTarget consul, params (string Name, string? Value)[] extra)
    {
        var environment = aws.Moto.Environment.ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
        environment["CONSUL_HTTP_ADDR"] = consul.Address.GetLeftPart(UriPartial.Authority);
        environment["AWS_ACCOUNT_ID"] = MotoServer.AccountId;
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>An environment with no Consul or AWS behind it, for runs that must fail before any I/O.</summary>
    public static Dictionary<string, string?> OfflineEnvironment(params (string Name, string? Value)[] extra)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["AWS_REGION"] = MotoServer.Region,
            ["AWS_ACCESS_KEY_ID"] = MotoServer.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = MotoServer.SecretAccessKey,
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
            ["CONSUL_HTTP_ADDR"] = "http://127.0.0.1:9",
            ["AWS_ACCOUNT_ID"] = MotoServer.AccountId,
        };
        foreach (var (name, value) in extra)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>A simulator-backed Consul (its request counters prove "writes nothing").</summary>
    public static Task<ConsulTarget> StartConsulAsync() => ConsulTarget.StartAsync(new ConsulTargetOptions { SimulatorOnly = true });
}
