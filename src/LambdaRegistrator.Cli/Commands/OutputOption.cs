using System.CommandLine;
using LambdaRegistrator.Cli.Output;

namespace LambdaRegistrator.Cli.Commands;

/// <summary>The <c>--output text|json</c> flag of the report-printing commands.</summary>
internal static class OutputOption
{
    /// <summary>A new <c>--output</c> option (one per command).</summary>
    public static Option<string> Create()
    {
        var option = new Option<string>("--output", "-o")
        {
            Description = "text: a table for people; json: one document for machines (shape in docs/cli.md).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json",
        };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    /// <summary>The chosen format.</summary>
    public static OutputFormat Read(ParseResult parseResult, Option<string> option) =>
        string.Equals(parseResult.GetValue(option), "json", StringComparison.Ordinal) ? OutputFormat.Json : OutputFormat.Text;
}
