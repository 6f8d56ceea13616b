using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;
using LambdaRegistrator.Core.Configuration;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// <c>adopt</c>: the one-shot migration from the Go registrator. Takes over every service on NODE_NAME tagged
/// managed-by-lambda-registrator without owner meta: those a tagged function claims get owner meta, those whose function
/// is gone, disabled or no longer lists the alias are removed. Without <c>--yes</c> it only shows what it would do.
/// </summary>
internal static class AdoptCommand
{
    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var yes = new Option<bool>("--yes", "-y") { Description = "Adopt and remove as shown; without it nothing is written." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show what would be adopted or removed and write nothing (the default)." };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions(withDatacenter: true);
        var command = new Command(
            "adopt",
            "Take over the services the Go registrator wrote (tag managed-by-lambda-registrator, no owner meta) on NODE_NAME; "
            + "shows what it would adopt or remove unless --yes is given. Right when this registrator alone serves the Consul.")
        {
            yes, dryRun, output,
        };
        configuration.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(yes) && result.GetValue(dryRun))
            {
                result.AddError("--yes and --dry-run contradict each other; pass one of them.");
            }
        });
        command.SetAction((parseResult, cancellationToken) =>
        {
            var environment = configuration.Apply(parseResult, host.Environment);
            environment.Override(EnvironmentVariables.AdoptUnownedServices, "true", "adopt");
            var format = OutputOption.Read(parseResult, output);
            var dry = !parseResult.GetValue(yes);
            return RegistratorInvocation.RunAsync(
                host,
                environment,
                showProgress: !dry,
                (registrator, token) => registrator.AdoptAsync(dry, cancellationToken: token),
                async (report, token) =>
                {
                    var code = await RegisterCommand.PrintAsync(host, report, format, token).ConfigureAwait(false);
                    if (dry && report.Plan is { IsEmpty: false } && format == OutputFormat.Text)
                    {
                        await host.Stderr.WriteLineAsync("Nothing was written. Run `lambda-registrator adopt --yes` to adopt and remove as shown.").ConfigureAwait(false);
                    }

                    return code;
                },
                cancellationToken);
        });
        return command;
    }
}
