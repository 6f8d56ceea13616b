using System.CommandLine;
using System.CommandLine.Invocation;
using LambdaRegistrator.Cli.Commands;

namespace LambdaRegistrator.Cli;

/// <summary>
/// The whole CLI as a function of its arguments, environment and writers, so tests run it in-process exactly as
/// <c>Program</c> does. Usage errors exit 2 (System.CommandLine's own default is 1, which this CLI keeps for failures).
/// </summary>
internal static class CliApplication
{
    /// <summary>Runs one command line.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="environment">Every environment variable the CLI may read; the process environment is not consulted.</param>
    /// <param name="stdout">Human or JSON output.</param>
    /// <param name="stderr">Logs, progress and error messages.</param>
    /// <param name="cancellationToken">Ctrl-C: stops new writes; the report says what was left.</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static Task<int> RunAsync(
        string[] args, IReadOnlyDictionary<string, string?> environment, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        RunAsync(args, new CliHost(environment, stdout, stderr), cancellationToken);

    /// <summary>Runs one command line against <paramref name="host"/>.</summary>
    public static async Task<int> RunAsync(string[] args, CliHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Why: the logger, the progress timer and the command write to stderr from different threads.
        host = host with { Stderr = TextWriter.Synchronized(host.Stderr) };
        var parseResult = CreateRootCommand(host).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await host.Stderr.WriteLineAsync($"lambda-registrator: {error.Message}").ConfigureAwait(false);
            }

            await host.Stderr.WriteLineAsync("Run `lambda-registrator --help` for the commands, or `lambda-registrator <command> --help` for their options.")
                .ConfigureAwait(false);
            return ExitCodes.UsageOrConfiguration;
        }

        var invocation = new InvocationConfiguration
        {
            Output = host.Stdout,
            Error = host.Stderr,
            EnableDefaultExceptionHandler = false,
            // Why: Program owns Ctrl-C and SIGTERM and passes them in as the token; tests must not install handlers.
            ProcessTerminationTimeout = null,
        };
        return await parseResult.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The command tree: plan, sync, handle-event, register, deregister, adopt.</summary>
    public static RootCommand CreateRootCommand(CliHost host) =>
        new("lambda-registrator: keep AWS Lambda functions tagged serverless.consul.hashicorp.com/v1alpha1/lambda/* registered in Consul. "
            + "Reads the same environment variables as the function; flags override them.")
        {
            SyncCommands.CreatePlan(host),
            SyncCommands.CreateSync(host),
            HandleEventCommand.Create(host),
            RegisterCommand.Create(host),
            DeregisterCommand.Create(host),
            AdoptCommand.Create(host),
        };
}
