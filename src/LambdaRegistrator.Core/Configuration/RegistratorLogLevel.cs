namespace LambdaRegistrator.Core.Configuration;

/// <summary>The <c>LOG_LEVEL</c> values, least to most severe.</summary>
public enum RegistratorLogLevel
{
    /// <summary><c>trace</c>.</summary>
    Trace,

    /// <summary><c>debug</c>.</summary>
    Debug,

    /// <summary><c>info</c> (default).</summary>
    Info,

    /// <summary><c>warn</c>.</summary>
    Warn,

    /// <summary><c>error</c>.</summary>
    Error,
}
