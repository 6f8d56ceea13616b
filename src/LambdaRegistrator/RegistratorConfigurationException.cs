namespace LambdaRegistrator;

/// <summary>The registrator cannot start: one or more environment variables or secrets are invalid. The message lists every problem with its variable.</summary>
public sealed class RegistratorConfigurationException : Exception
{
    /// <summary>Creates the exception from the list of problems, one sentence each, each naming its variable.</summary>
    public RegistratorConfigurationException(IReadOnlyList<string> problems)
        : base(Format(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception from the list of problems, saying whether they are all about reading the SSM secrets.</summary>
    public RegistratorConfigurationException(IReadOnlyList<string> problems, bool secretUnavailable)
        : this(problems)
    {
        SecretUnavailable = secretUnavailable;
    }

    /// <summary>Creates the exception for a single problem.</summary>
    public RegistratorConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception for a single problem with its cause.</summary>
    public RegistratorConfigurationException(string message, Exception innerException)
        : base(Format([message]), innerException)
    {
        Problems = [message];
    }

    /// <summary>Creates an exception without detail; prefer the constructors that say what to fix.</summary>
    public RegistratorConfigurationException()
        : this("The registrator configuration is invalid.")
    {
    }

    /// <summary>
    /// True when every variable parsed and only reading CONSUL_HTTP_TOKEN_PATH / CONSUL_CACERT_PATH from SSM failed
    /// (missing, empty, access denied, unreachable): fixed in SSM or IAM, not in the function's configuration.
    /// </summary>
    public bool SecretUnavailable { get; }

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; } = [];

    private static string Format(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        return problems.Count == 1
            ? "Invalid configuration: " + problems[0]
            : $"Invalid configuration ({problems.Count} problems):" + string.Concat(problems.Select(p => Environment.NewLine + "- " + p));
    }
}
