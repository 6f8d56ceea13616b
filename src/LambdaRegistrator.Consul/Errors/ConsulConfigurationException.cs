namespace LambdaRegistrator.Consul.Errors;

/// <summary>The Consul client settings are invalid; <see cref="Errors"/> lists each problem with the variable to fix.</summary>
public sealed class ConsulConfigurationException : Exception
{
    /// <summary>Creates an error with a generic message.</summary>
    public ConsulConfigurationException()
        : this("The Consul client configuration is invalid.")
    {
    }

    /// <summary>Creates an error with one problem.</summary>
    public ConsulConfigurationException(string message)
        : base(message)
    {
        Errors = [message];
    }

    /// <summary>Creates an error with one problem caused by <paramref name="innerException"/>.</summary>
    public ConsulConfigurationException(string message, Exception? innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates an error listing every problem found.</summary>
    public ConsulConfigurationException(IReadOnlyList<string> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    /// <summary>Each problem, naming the setting and what to do.</summary>
    public IReadOnlyList<string> Errors { get; } = [];

    private static string Describe(IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 1
            ? $"Invalid Consul client configuration: {errors[0]}"
            : $"Invalid Consul client configuration ({errors.Count} problems):{Environment.NewLine}- {string.Join($"{Environment.NewLine}- ", errors)}";
    }
}
