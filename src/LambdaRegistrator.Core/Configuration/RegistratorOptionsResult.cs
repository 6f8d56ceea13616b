namespace LambdaRegistrator.Core.Configuration;

/// <summary>The outcome of <see cref="RegistratorOptions.Parse"/>: options when every variable is valid, otherwise every error found.</summary>
public sealed record RegistratorOptionsResult
{
    private RegistratorOptionsResult(RegistratorOptions? options, IReadOnlyList<ConfigurationError> errors)
    {
        Options = options;
        Errors = errors;
    }

    /// <summary>The parsed options; null when <see cref="Errors"/> is not empty.</summary>
    public RegistratorOptions? Options { get; }

    /// <summary>Every invalid variable, in the order they were checked.</summary>
    public IReadOnlyList<ConfigurationError> Errors { get; }

    /// <summary>True when the environment was valid and <see cref="Options"/> is set.</summary>
    public bool IsValid => Options is not null;

    internal static RegistratorOptionsResult Success(RegistratorOptions options) => new(options, []);

    internal static RegistratorOptionsResult Failure(IReadOnlyList<ConfigurationError> errors) => new(null, errors);
}
