using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;
using LambdaRegistrator.Cli.Output;
using LambdaRegistrator.Core.Configuration;
using LambdaRegistrator.Core.Tags;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// <c>register &lt;function-arn&gt;</c>: Consul's manual registration steps (a <c>service-defaults</c> entry and a
/// catalog registration per service) for one function, with the tag settings given as flags instead of read from AWS.
/// </summary>
internal static class RegisterCommand
{
    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var arn = FunctionArnArgument.Create();
        var payloadPassthrough = new Option<bool>("--payload-passthrough")
        {
            Description = "Envoy passes the request body to the function unchanged instead of wrapping it in JSON.",
        };
        var invocationMode = new Option<string>("--invocation-mode")
        {
            Description = "How Envoy invokes the function: SYNCHRONOUS (default) or ASYNCHRONOUS.",
            DefaultValueFactory = _ => "SYNCHRONOUS",
            HelpName = "SYNCHRONOUS|ASYNCHRONOUS",
        };
        invocationMode.Validators.Add(result =>
        {
            if (ParseInvocationMode(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--invocation-mode must be SYNCHRONOUS or ASYNCHRONOUS (any case), not \"{result.GetValueOrDefault<string>()}\".");
            }
        });
        var aliases = new Option<string>("--aliases")
        {
            Description = "Aliases to register too, +-separated like the tag (e.g. live+canary); each becomes service <function>-<alias>.",
            HelpName = "a+b",
        };
        var partition = new Option<string>("--partition") { Description = "Admin partition (Enterprise; must be in PARTITIONS).", HelpName = "partition" };
        var @namespace = new Option<string>("--namespace") { Description = "Namespace (Enterprise).", HelpName = "namespace" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be written; write nothing." };
        var output = OutputOption.Create();
        var configuration = new ConfigurationOptions("Consul datacenter to register in (default: the agent's).");
        var command = new Command("register", "Register one function (and its aliases) in Consul with explicit settings, as Consul's manual registration guide does.")
        {
            arn, payloadPassthrough, invocationMode, aliases, partition, @namespace, dryRun, output,
        };
        configuration.AddTo(command);
        command.SetAction((parseResult, cancellationToken) =>
        {
            var environment = configuration.Apply(parseResult, host.Environment);
            var registration = new ManualRegistration(
                parseResult.GetValue(payloadPassthrough),
                ParseInvocationMode(parseResult.GetValue(invocationMode)) ?? InvocationMode.Synchronous,
                configuration.Datacenter(parseResult),
                parseResult.GetValue(partition),
                parseResult.GetValue(@namespace),
                SplitAliases(parseResult.GetValue(aliases)));
            var function = parseResult.GetRequiredValue(arn);
            var format = OutputOption.Read(parseResult, output);
            var dry = parseResult.GetValue(dryRun);
            return RegistratorInvocation.RunAsync(
                host,
                environment,
                showProgress: false,
                (registrator, token) => registrator.RegisterAsync(function, registration, dry, cancellationToken: token),
                (report, token) => ReportPrinter.PrintAsync(host, report, format, reasonToStderr: true, token),
                cancellationToken);
        });
        return command;
    }

    private static InvocationMode? ParseInvocationMode(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "SYNCHRONOUS" => InvocationMode.Synchronous,
        "ASYNCHRONOUS" => InvocationMode.Asynchronous,
        _ => null,
    };

    // Why: the same forgiving rules as the aliases tag (trimmed, empty segments dropped); the engine validates names.
    private static string[]? SplitAliases(string? value) =>
        value?.Split(LambdaTags.AliasSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
