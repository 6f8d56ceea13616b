namespace LambdaRegistrator.Cli;

/// <summary>The process exit codes of <c>lambda-registrator</c>; docs/cli.md lists them for scripts.</summary>
internal static class ExitCodes
{
    /// <summary>Everything planned was done (or planned); an ignored event; reported problems alone do not fail.</summary>
    public const int Success = 0;

    /// <summary>An action, an AWS or Consul read, or a write failed; or the event was rejected as malformed.</summary>
    public const int Failed = 1;

    /// <summary>The command line or the configuration (environment and flags) is invalid; nothing was read or written.</summary>
    public const int UsageOrConfiguration = 2;

    /// <summary>Interrupted (Ctrl-C / SIGTERM) before every action started; the next sync finishes the work.</summary>
    public const int Interrupted = 130;
}
