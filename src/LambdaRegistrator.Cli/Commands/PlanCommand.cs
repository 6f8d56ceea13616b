using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Commands;

/// <summary><c>plan</c>: a dry run of a full sync (or of one function) that prints what a sync would do and writes nothing.</summary>
internal static class PlanCommand
{
    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var function = new Option<string>("--function", "-f")
        {
            Description = "Plan only this function (name, partial ARN or ARN) instead of every function.",
            HelpName = "arn|name",
        };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions(withDatacenter: true);
        var command = new Command("plan", "Show what a sync would register, update and deregister, and every problem found; writes nothing.")
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
                showProgress: false,
                (registrator, token) => target is null
                    ? registrator.FullSyncAsync(dryRun: true, cancellationToken: token)
                    : registrator.SyncFunctionAsync(target, dryRun: true, cancellationToken: token),
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
