namespace LambdaRegistrator.Cli.Output;

/// <summary>How a command prints its report on stdout.</summary>
internal enum OutputFormat
{
    /// <summary>Tables and sentences for people.</summary>
    Text,

    /// <summary>One JSON document (<see cref="ReportDocument"/>) for machines.</summary>
    Json,
}
