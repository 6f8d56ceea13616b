using LambdaRegistrator.Aws;
using LambdaRegistrator.Consul;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator;

/// <summary>Host-level knobs for <see cref="Registrator.CreateAsync"/>; the defaults suit the deployed function.</summary>
public sealed record RegistratorHostOptions
{
    /// <summary>Variable holding the AWS account id when no invocation context carries it (the CLI, tests).</summary>
    public const string AccountIdVariable = "AWS_ACCOUNT_ID";

    /// <summary>
    /// When neither AWS_ACCOUNT_ID nor REGISTRATOR_ID is set, learn the account at start-up with sts:GetCallerIdentity
    /// (the CLI and the managed runtime, which have no invoked function ARN). The <c>bootstrap</c> leaves it off: every
    /// invocation tells it its function ARN, and so its account, for free. When on, the credentials are also checked at
    /// start-up even if the account is known, so that a credential problem is a configuration error before any work.
    /// </summary>
    public bool DiscoverAccount { get; init; }

    /// <summary>Where JSON log lines go when <see cref="Logger"/> is null (default: standard output).</summary>
    public TextWriter? LogOutput { get; init; }

    /// <summary>
    /// The process keys of the JSON log lines (service, function name) and the invocation the host begins on it; null
    /// reads them from the environment given to <see cref="Registrator.CreateAsync"/>.
    /// </summary>
    public Logging.LogContext? LogContext { get; init; }

    /// <summary>A logger to use instead of the JSON-lines one (its own level applies).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Clock for certificate refresh decisions and log timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>AWS client overrides (retries, rate limits, credentials); null for production defaults.</summary>
    public AwsClientOptions? Aws { get; init; }

    /// <summary>Consul retry policy; null for the client's default.</summary>
    public ConsulRetryPolicy? ConsulRetry { get; init; }

    /// <summary>Reads files named by CONSUL_HTTP_TOKEN_FILE, CONSUL_CACERT and friends; null reads the file system.</summary>
    public Func<string, string>? ReadFile { get; init; }

    /// <summary>How often a service whose config entry lost a check-and-set race is re-read and re-planned before the action fails.</summary>
    public int MaxCasRetries { get; init; } = 3;
}
