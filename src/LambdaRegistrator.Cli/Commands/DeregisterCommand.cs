using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// <c>deregister &lt;function-arn&gt;</c>: removes every service (and its <c>service-defaults</c> entry) this registrator owns
/// for one function, whatever its tags say. Services of other owners are never touched.
/// </summary>
internal static class DeregisterCommand
{
    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var arn = FunctionArnArgument.Create();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be removed; write nothing." };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions("Consul datacenter to deregister from (default: the agent's).");
        var command = new Command("deregister", "Deregister one function's services and delete their service-defaults entries.")
        {
            arn, dryRun, output,
        };
        configuration.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var environment = configuration.Apply(parseResult, host.Environment);
            var function = parseResult.GetRequiredValue(arn);
            var format = OutputOption.Read(parseResult, output);
            var dry = parseResult.GetValue(dryRun);
            return RegistratorInvocation.RunAsync(
                host,
                environment,
                showProgress: false,
                (registrator, token) => registrator.DeregisterAsync(function, dry, cancellationToken: token),
                (report, token) => ReportPrinter.PrintAsync(host, report, format, reasonToStderr: true, token),
                cancellationToken);
        });
        return command;
    }
}
