using LambdaRegistrator.Aws;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;
using LambdaRegistrator.Consul;
using LambdaRegistrator.Consul.Errors;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// What every engine-backed command shares: compose the <see cref="Registrator"/> from the layered environment with
/// JSON-lines logs on stderr, run one call, turn configuration and I/O failures into messages and exit codes.
/// </summary>
internal static class RegistratorInvocation
{
    /// <summary>Runs <paramref name="work"/> and hands its report to <paramref name="print"/>, which returns the exit code.</summary>
    public static async Task<int> RunAsync(
        CliHost host,
        LayeredEnvironment environment,
        bool showProgress,
        Func<Registrator, CancellationToken, Task<SyncReport>> work,
        Func<SyncReport, CancellationToken, Task<int>> print,
        CancellationToken cancellationToken)
    {
        var logLevel = RegistratorOptions.Parse(environment.Get).Options?.LogLevel ?? RegistratorLogLevel.Warn;
        ILogger logger = new JsonLinesLogger(host.Stderr, JsonLinesLogger.ToLogLevel(logLevel), host.TimeProvider);
        using var progress = showProgress
            ? new SyncProgress(logger, host.Stderr, host.ProgressEvery, host.ProgressInterval, host.TimeProvider)
            : null;
        var hostOptions = new RegistratorHostOptions { Logger = progress ?? logger, TimeProvider = host.TimeProvider, DiscoverAccount = true };
        try
        {
            using var registrator = await Registrator.CreateAsync(environment.Get, hostOptions, cancellationToken).ConfigureAwait(false);
            var report = await work(registrator, cancellationToken).ConfigureAwait(false);
            var exitCode = await print(report, cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested && report.Outcome != SyncOutcome.Succeeded)
            {
                await host.Stderr.WriteLineAsync("lambda-registrator: interrupted; actions not started are left to the next sync.").ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            return exitCode;
        }
        catch (RegistratorConfigurationException exception)
        {
            return await ConfigurationErrorAsync(host, environment, exception.Problems).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is AwsConfigurationException or AwsCredentialsException or ConsulConfigurationException)
        {
            return await ConfigurationErrorAsync(host, environment, [exception.Message]).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await host.Stderr.WriteLineAsync("lambda-registrator: interrupted before anything was written.").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }
        catch (Exception exception) when (exception is ConsulException or AwsServiceException or HttpRequestException or IOException)
        {
            // Why: the engine reports read and write failures in the report; this is the rare one it could not (e.g. the
            // SSM read of the token at start-up). The message is secret-free by the clients' contract; no stack trace.
            await host.Stderr.WriteLineAsync($"lambda-registrator: {exception.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>Exit code of a finished report: 0 succeeded or ignored, 1 failed or stopped early, rejected as given.</summary>
    public static int ExitCodeOf(SyncReport report, int whenRejected)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Outcome switch
        {
            SyncOutcome.Succeeded or SyncOutcome.Ignored => ExitCodes.Success,
            SyncOutcome.Rejected => whenRejected,
            _ => ExitCodes.Failed,
        };
    }

    /// <summary>Prints a usage error (exit code 2).</summary>
    public static async Task<int> UsageErrorAsync(CliHost host, string message)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.Stderr.WriteLineAsync($"lambda-registrator: {message}").ConfigureAwait(false);
        return ExitCodes.UsageOrConfiguration;
    }

    private static async Task<int> ConfigurationErrorAsync(CliHost host, LayeredEnvironment environment, IReadOnlyList<string> problems)
    {
        await host.Stderr.WriteLineAsync(problems.Count == 1
            ? "lambda-registrator: the configuration is invalid:"
            : $"lambda-registrator: the configuration is invalid ({problems.Count} problems):").ConfigureAwait(false);
        foreach (var problem in problems)
        {
            await host.Stderr.WriteLineAsync($"  - {environment.Explain(problem)}").ConfigureAwait(false);
        }

        await host.Stderr.WriteLineAsync("Fix the environment variables (or the flags that override them; see `lambda-registrator <command> --help`) and run again.")
            .ConfigureAwait(false);
        return ExitCodes.UsageOrConfiguration;
    }
}
