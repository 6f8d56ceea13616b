using LambdaRegistrator.Cli.Commands;

namespace LambdaRegistrator.Cli.Output;

/// <summary>How every engine-backed command ends: the report on stdout, then its exit code.</summary>
internal static class ReportPrinter
{
    /// <summary>Prints <paramref name="report"/>; a rejected input is a usage error (exit 2).</summary>
    /// <param name="reasonToStderr">Also say on stderr why the input was rejected (commands whose argument is the input).</param>
    public static async Task<int> PrintAsync(CliHost host, SyncReport report, OutputFormat format, bool reasonToStderr, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(report);
        await ReportWriter.WriteAsync(report, format, host.Stdout, cancellationToken).ConfigureAwait(false);
        if (reasonToStderr && report.Outcome == SyncOutcome.Rejected)
        {
            await host.Stderr.WriteLineAsync($"lambda-registrator: {report.Reason}").ConfigureAwait(false);
        }

        return RegistratorInvocation.ExitCodeOf(report, whenRejected: ExitCodes.UsageOrConfiguration);
    }
}
