using System.Globalization;
using System.Text;
using System.Text.Json;
using LambdaRegistrator.Core.Planning;

namespace LambdaRegistrator.Cli.Output;

/// <summary>Prints a <see cref="SyncReport"/>: a table of actions, the problems, the errors and a summary line, or one JSON document.</summary>
internal static class ReportWriter
{
    private const string AgentDatacenter = "(agent dc)";

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> in <paramref name="format"/>.</summary>
    public static async Task WriteAsync(SyncReport report, OutputFormat format, TextWriter output, CancellationToken cancellationToken)
    {
        var text = format == OutputFormat.Json
            ? JsonSerializer.Serialize(ToDocument(report), CliJsonContext.Default.ReportDocument) + Environment.NewLine
            : ToText(report);
        await output.WriteAsync(text.AsMemory(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The stable JSON shape of a report (docs/cli.md).</summary>
    public static ReportDocument ToDocument(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var summary = report.Summary;
        return new ReportDocument
        {
            Outcome = summary.Outcome,
            Trigger = report.Trigger,
            Function = report.Function,
            DryRun = report.DryRun,
            Actions = [.. Outcomes(report).Select(outcome => new ReportAction
            {
                Action = Kebab(outcome.Action.Kind.ToString()),
                Service = outcome.Action.Service.Name,
                Datacenter = outcome.Action.Service.Datacenter,
                Partition = outcome.Action.Service.Partition,
                Namespace = outcome.Action.Service.Namespace,
                Function = outcome.Action.FunctionArn?.ToString(),
                Reason = outcome.Action.Reason,
                SharedEntries = outcome.Action.Steps.OfType<UpdateSharedEntry>().Select(s => s.ToString()).ToList() is { Count: > 0 } shared ? shared : null,
                Status = Kebab(outcome.Status.ToString()),
                Message = outcome.Message,
            })],
            Problems = [.. report.Problems.Select(problem => new ReportProblem
            {
                Kind = Kebab(problem.Kind.ToString()),
                Function = problem.FunctionArn?.ToString(),
                Service = problem.Service?.Name,
                Datacenter = problem.Service?.Datacenter,
                Partition = problem.Service?.Partition,
                Namespace = problem.Service?.Namespace,
                Message = problem.Message,
            })],
            Errors = report.Errors,
            Unchanged = report.Plan?.UnchangedServices ?? 0,
            Reason = report.Reason,
            Summary = summary,
        };
    }

    /// <summary>The human form: action table, problems, errors, then one summary line.</summary>
    public static string ToText(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var outcomes = Outcomes(report);
        if (outcomes.Count > 0)
        {
            var header = report.DryRun
                ? new[] { "ACTION", "SERVICE", "DC/PARTITION/NS", "REASON" }
                : ["STATUS", "ACTION", "SERVICE", "DC/PARTITION/NS", "REASON"];
            var rows = outcomes.Select(o => report.DryRun
                ? new[] { Kebab(o.Action.Kind.ToString()), o.Action.Service.Name, Scope(o.Action.Service), o.Action.Reason }
                : [Kebab(o.Status.ToString()), Kebab(o.Action.Kind.ToString()), o.Action.Service.Name, Scope(o.Action.Service), o.Action.Reason]).ToList();
            AppendTable(text, header, rows, outcomes.Select(o => o.Message).ToList());
            text.AppendLine();
        }

        if (report.Problems.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Problems ({report.Problems.Count}):").AppendLine();
            foreach (var problem in report.Problems)
            {
                var subject = problem.Service?.ToString() ?? problem.FunctionArn?.FunctionName;
                text.Append("  - ").Append(Kebab(problem.Kind.ToString()));
                if (subject is not null)
                {
                    text.Append(" [").Append(OneLine(subject)).Append(']');
                }

                text.Append(": ").Append(OneLine(problem.Message)).AppendLine();
            }

            text.AppendLine();
        }

        if (report.Errors.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"Errors ({report.Errors.Count}):").AppendLine();
            foreach (var error in report.Errors)
            {
                text.Append("  - ").Append(OneLine(error)).AppendLine();
            }

            text.AppendLine();
        }

        text.Append(SummaryLine(report)).AppendLine();
        return text.ToString();
    }

    /// <summary>One line: what was planned or done, and what was reported.</summary>
    public static string SummaryLine(SyncReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var s = report.Summary;
        var subject = report.Function is null ? string.Empty : $" of {report.Function}";
        if (report.Outcome is SyncOutcome.Rejected or SyncOutcome.Ignored)
        {
            return $"{Capitalized(s.Outcome)}{subject}: {report.Reason}";
        }

        var counts = string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Registered} to register, {s.Updated} to update, {s.Deregistered} to deregister, {s.Unchanged} unchanged");
        var tail = string.Create(CultureInfo.InvariantCulture, $"{s.Problems} problem(s), {report.Errors.Count} error(s)");
        var nothing = report.Plan is { IsEmpty: true } ? "nothing to do; " : string.Empty;
        var reason = report.Reason is null ? string.Empty : $" {report.Reason}";
        if (report.DryRun)
        {
            return $"Plan ({report.Trigger}{subject}, nothing written): {nothing}{counts}; {tail}.{reason}";
        }

        var done = string.Create(
            CultureInfo.InvariantCulture,
            $"{s.Done} action(s) done, {s.Failed} failed, {s.Skipped} skipped (planned {s.Registered} register, {s.Updated} update, {s.Deregistered} deregister; {s.Unchanged} unchanged)");
        return $"{Capitalized(report.Trigger)}{subject} {s.Outcome}: {nothing}{done}; {tail}.{reason}";
    }

    /// <summary><c>InvalidTags</c> becomes <c>invalid-tags</c>: the wire form of the enum names.</summary>
    public static string Kebab(string pascal)
    {
        ArgumentNullException.ThrowIfNull(pascal);
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    text.Append('-');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    // Why: a dry run's report carries the plan's actions as Planned outcomes; a report made before any plan has neither.
    private static IReadOnlyList<ActionOutcome> Outcomes(SyncReport report) =>
        report.Actions.Count > 0 || report.Plan is null
            ? report.Actions
            : [.. report.Plan.Actions.Select(a => new ActionOutcome(a, report.DryRun ? ActionStatus.Planned : ActionStatus.Skipped))];

    private static string Scope(ServiceKey service)
    {
        var datacenter = service.Datacenter ?? AgentDatacenter;
        return service.Partition is null && service.Namespace is null
            ? datacenter
            : $"{datacenter}/{service.Partition ?? "default"}/{service.Namespace ?? "default"}";
    }

    private static void AppendTable(StringBuilder text, string[] header, List<string[]> rows, List<string?> messages)
    {
        var widths = header.Select((h, column) => rows.Select(r => OneLine(r[column]).Length).Append(h.Length).Max()).ToArray();
        AppendRow(text, header, widths);
        for (var i = 0; i < rows.Count; i++)
        {
            AppendRow(text, rows[i], widths);
            if (messages[i] is { } message)
            {
                text.Append(' ', widths[0] + 2).Append("-> ").Append(OneLine(message)).AppendLine();
            }
        }
    }

    private static void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        for (var column = 0; column < cells.Length; column++)
        {
            if (column == cells.Length - 1)
            {
                text.Append(OneLine(cells[column]));
            }
            else
            {
                text.Append(OneLine(cells[column]).PadRight(widths[column] + 2));
            }
        }

        text.AppendLine();
    }

    // Why: messages and names quote values from AWS and Consul (tag values, error bodies), which are untrusted: a CR or
    // LF in them must not forge lines of this output (a fake summary or "Errors" section). Control characters are
    // shown escaped, so the value stays visible and the line stays one line. JSON output and logs escape by construction.
    private static string OneLine(string? value)
    {
        if (string.IsNullOrEmpty(value) || !value.Any(char.IsControl))
        {
            return value ?? string.Empty;
        }

        var text = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '\r' => text.Append("\\r"),
                '\n' => text.Append("\\n"),
                '\t' => text.Append("\\t"),
                _ when char.IsControl(c) => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => text.Append(c),
            };
        }

        return text.ToString();
    }

    private static string Capitalized(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
