using LambdaRegistrator.Aws;
using LambdaRegistrator.Consul;
using LambdaRegistrator.TestKit.Aws;
using LambdaRegistrator.TestKit.Consul;

namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>
/// A registrator composed exactly as the function composes it (<see cref="Registrator.CreateAsync"/> over an environment),
/// pointed at an AWS endpoint (moto, the fault proxy or <see cref="HostileAws"/>) and a Consul target, with short retry
/// back-offs so fault tests stay fast, and its JSON log captured.
/// </summary>
internal sealed class Rig : IDisposable
{
    private readonly StringWriter _log;

    private Rig(Registrator registrator, StringWriter log, IReadOnlyDictionary<string, string> environment)
    {
        Registrator = registrator;
        _log = log;
        Environment = environment;
    }

    /// <summary>Retries that keep the production shape (attempts, jitter) with millisecond back-offs.</summary>
    public static ConsulRetryPolicy FastConsulRetry { get; } = new() { MaxAttempts = 4, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) };

    /// <summary>AWS retries with the production attempt count and millisecond back-offs (Retry-After is still honoured up to MaxDelay).</summary>
    public static AwsClientOptions FastAws { get; } = new()
    {
        Retry = new AwsRetryOptions { MaxAttempts = 5, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(2), AttemptTimeout = TimeSpan.FromSeconds(10) },
    };

    public Registrator Registrator { get; }

    /// <summary>The environment the registrator was composed from.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>Every JSON log line written so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The environment for an AWS endpoint and a Consul target, plus <paramref name="variables"/> (later ones win).</summary>
    public static Dictionary<string, string> EnvironmentFor(Uri awsEndpoint, ConsulTarget consul, params (string Name, string Value)[] variables) =>
        EnvironmentFor(awsEndpoint, consul.Address, variables);

    /// <summary>The environment for an AWS endpoint and a Consul address, plus <paramref name="variables"/> (later ones win).</summary>
    public static Dictionary<string, string> EnvironmentFor(Uri awsEndpoint, Uri consulAddress, params (string Name, string Value)[] variables)
    {
        var environment = new Dictionary<string, string>(MotoServer.EnvironmentFor(awsEndpoint), StringComparer.Ordinal)
        {
            ["CONSUL_HTTP_ADDR"] = consulAddress.AbsoluteUri,
            [RegistratorHostOptions.AccountIdVariable] = MotoServer.AccountId,
            ["LOG_LEVEL"] = "debug",
        };
        foreach (var (name, value) in variables)
        {
            environment[name] = value;
        }

        return environment;
    }

    public static Task<Rig> StartAsync(Uri awsEndpoint, ConsulTarget consul, params (string Name, string Value)[] variables) =>
        StartAsync(EnvironmentFor(awsEndpoint, consul, variables));

    public static async Task<Rig> StartAsync(
        IReadOnlyDictionary<string, string> environment, AwsClientOptions? aws = null, ConsulRetryPolicy? consulRetry = null, int maxCasRetries = 3,
        TimeProvider? time = null)
    {
        var log = new StringWriter();
        var registrator = await Registrator.CreateAsync(
            name => environment.GetValueOrDefault(name),
            new RegistratorHostOptions
            {
                LogOutput = new LockedWriter(log),
                Aws = aws ?? FastAws,
                ConsulRetry = consulRetry ?? FastConsulRetry,
                MaxCasRetries = maxCasRetries,
                TimeProvider = time ?? TimeProvider.System,
            });
        return new Rig(registrator, log, environment);
    }

    public void Dispose()
    {
        Registrator.Dispose();
        _log.Dispose();
    }

    // Why: the log is read while a sync may still write to it; both sides lock the same StringWriter.
    private sealed class LockedWriter(StringWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void Write(char value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count)
        {
            lock (inner)
            {
                inner.Write(buffer, index, count);
            }
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            lock (inner)
            {
                inner.Write(buffer);
            }
        }

        public override void Write(string? value)
        {
            lock (inner)
            {
                inner.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (inner)
            {
                inner.WriteLine(value);
            }
        }
    }
}
