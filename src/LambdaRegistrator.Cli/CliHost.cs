namespace LambdaRegistrator.Cli;

/// <summary>
/// What the CLI reads and writes outside its arguments, so tests run it in-process: the environment (the whole of it;
/// nothing else is consulted), standard input, output (human or JSON) and error (logs, progress, problems).
/// </summary>
/// <param name="Environment">Every environment variable the CLI may read; flags are layered over it.</param>
/// <param name="Stdout">Human or JSON output.</param>
/// <param name="Stderr">JSON-lines logs, progress lines and error messages.</param>
internal sealed record CliHost(IReadOnlyDictionary<string, string?> Environment, TextWriter Stdout, TextWriter Stderr)
{
    /// <summary>Opens standard input, for <c>handle-event -</c>.</summary>
    public Func<Stream> OpenStdin { get; init; } = Console.OpenStandardInput;

    /// <summary>Clock of the progress lines and log timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>How often <c>sync</c> prints a progress line while actions run.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Print a progress line after every this many finished actions as well.</summary>
    public int ProgressEvery { get; init; } = 100;
}
