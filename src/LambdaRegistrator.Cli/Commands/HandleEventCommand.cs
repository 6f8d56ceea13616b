using System.CommandLine;
using LambdaRegistrator.Cli.Configuration;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>
/// <c>handle-event &lt;file|-&gt;</c>: processes one EventBridge event exactly as the deployed function does (the same
/// <see cref="Registrator.HandleEventAsync"/>) and prints the JSON summary the function would return.
/// </summary>
internal static class HandleEventCommand
{
    private const string Stdin = "-";

    /// <summary>Creates the command bound to <paramref name="host"/>.</summary>
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("event")
        {
            Description = "EventBridge event JSON file (samples/events/*.json), or - for standard input.",
        };
        var invokedArn = new Option<string>("--invoked-function-arn")
        {
            Description = "The registrator's own function ARN, as the Lambda runtime would pass it (supplies the account).",
            HelpName = "arn",
        };
        var configuration = new ConfigurationOptions();
        var command = new Command("handle-event", "Process one EventBridge event as the Lambda function would and print its JSON response.")
        {
            file,
            invokedArn,
        };
        configuration.AddTo(command);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetRequiredValue(file);
            byte[] eventJson;
            try
            {
                eventJson = await ReadAsync(host, path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return await RegistratorInvocation.UsageErrorAsync(host, $"cannot read the event file \"{path}\": {exception.Message}").ConfigureAwait(false);
            }

            var context = new SyncContext(parseResult.GetValue(invokedArn));
            return await RegistratorInvocation.RunAsync(
                host,
                configuration.Apply(parseResult, host.Environment),
                showProgress: true,
                (registrator, token) => registrator.HandleEventAsync(eventJson, context, token),
                async (report, token) =>
                {
                    // Why: exactly the bytes the function returns, so scripts can diff the two.
                    await host.Stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(report.ToJson()).AsMemory(), token).ConfigureAwait(false);
                    await host.Stdout.FlushAsync(token).ConfigureAwait(false);
                    if (report.Outcome == SyncOutcome.Rejected)
                    {
                        await host.Stderr.WriteLineAsync($"lambda-registrator: the event was rejected: {report.Reason}").ConfigureAwait(false);
                    }

                    return RegistratorInvocation.ExitCodeOf(report, whenRejected: ExitCodes.Failed);
                },
                cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<byte[]> ReadAsync(CliHost host, string path, CancellationToken cancellationToken)
    {
        if (path != Stdin)
        {
            return await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }

        await using var stdin = host.OpenStdin();
        using var buffer = new MemoryStream();
        await stdin.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return buffer.ToArray();
    }
}
