namespace LambdaRegistrator.Reliability.Tests.Infrastructure;

/// <summary>How a CLI run ended and everything it printed.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
