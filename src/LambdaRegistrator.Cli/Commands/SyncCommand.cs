using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Commands;

/// <summary><c>sync</c>: a full sync (or one function's), exactly as the scheduled function runs it, printing each action's outcome.</summary>
internal static class SyncCommand
{
    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var function = new Option<string>("--function", "-f")
        {
            Description = "Sync only this function (name, partial ARN or ARN) instead of every function.",
            HelpName = "arn|name",
        };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions(withDatacenter: true);
        var command = new Command("sync", "Register, update and deregister Consul services so they match the tagged Lambda functions.")
        {
            function,
            output,
        };
        configuration.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var target = parseResult.GetValue(function);
            var format = OutputOption.Read(parseResult, output);
            return RegistratorInvocation.RunAsync(
                host,
                configuration.Apply(parseResult, host.Environment),
                showProgress: true,
                (registrator, token) => target is null
                    ? registrator.FullSyncAsync(dryRun: false, cancellationToken: token)
                    : registrator.SyncFunctionAsync(target, dryRun: false, cancellationToken: token),
                async (report, token) =>
                {
                    await ReportWriter.WriteAsync(report, format, host.Stdout, token).ConfigureAwait(false);
                    return RegistratorInvocation.ExitCodeOf(report, whenRejected: ExitCodes.UsageOrConfiguration);
                },
                cancellationToken);
        });
        return command;
    }
}
