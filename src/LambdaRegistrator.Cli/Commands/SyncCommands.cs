using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// <c>plan</c> and <c>sync</c>: the same full sync (or one function's), exactly as the scheduled function runs it;
/// <c>plan</c> is its dry run and writes nothing, <c>sync</c> executes it and prints each action's outcome.
/// </summary>
internal static class SyncCommands
{
    /// <summary>Creates the <c>plan</c> command bound to <paramref name="host"/>.</summary>
    public static Command CreatePlan(CliHost host) => Create(
        host,
        "plan",
        "Show what a sync would register, update and deregister, and every problem found; writes nothing.",
        "Plan only this function (name, partial ARN or ARN) instead of every function.",
        dryRun: true);

    /// <summary>Creates the <c>sync</c> command bound to <paramref name="host"/>.</summary>
    public static Command CreateSync(CliHost host) => Create(
        host,
        "sync",
        "Register, update and deregister Consul services so they match the tagged Lambda functions.",
        "Sync only this function (name, partial ARN or ARN) instead of every function.",
        dryRun: false);

    private static Command Create(CliHost host, string name, string description, string functionDescription, bool dryRun)
    {
        var function = new Option<string>("--function", "-f")
        {
            Description = functionDescription,
            HelpName = "arn|name",
        };
        var source = new Option<string[]>("--source")
        {
            Description = "Work on this source only (ACCOUNT/REGION, as SOURCES forms it; repeatable). Default: every source.",
            HelpName = "account/region",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions();
        var command = new Command(name, description)
        {
            function,
            source,
            output,
        };
        configuration.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var target = parseResult.GetValue(function);
            var sources = parseResult.GetValue(source) ?? [];
            var format = OutputOption.Read(parseResult, output);
            if (target is not null && sources.Length > 0)
            {
                return RegistratorInvocation.UsageErrorAsync(
                    host, "--function and --source cannot be combined: a function's ARN names its source (pass the full ARN to sync a function of another source).");
            }

            return RegistratorInvocation.RunAsync(
                host,
                configuration.Apply(parseResult, host.Environment),
                showProgress: !dryRun,
                (registrator, token) => target is null
                    ? registrator.FullSyncAsync(dryRun, sources, cancellationToken: token)
                    : registrator.SyncFunctionAsync(target, dryRun, cancellationToken: token),
                (report, token) => ReportPrinter.PrintAsync(host, report, format, reasonToStderr: false, token),
                cancellationToken);
        });
        return command;
    }
}
