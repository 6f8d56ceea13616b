using System.Globalization;

namespace LambdaRegistrator.Function;

/// <summary>Parses the host's own settings from the environment; each error names the variable and the accepted values.</summary>
internal static class FunctionSettings
{
    public static readonly TimeSpan DefaultInvocationTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Lambda's maximum timeout: a budget beyond it is a typo.</summary>
    private const int MaxTimeoutSeconds = 900;

    public static TimeSpan ReadInvocationTimeout(Func<string, string?> environment, List<string> errors) =>
        ReadInteger(environment, FunctionEnvironmentVariables.InvocationTimeoutSeconds, 1, MaxTimeoutSeconds, "seconds", errors) is { } s
            ? TimeSpan.FromSeconds(s)
            : DefaultInvocationTimeout;

    /// <summary>Lambda's memory range is 128..10240 MB.</summary>
    public static int? ReadMemorySizeMb(Func<string, string?> environment, List<string> errors) =>
        ReadInteger(environment, FunctionEnvironmentVariables.MemorySize, 128, 10240, "MB", errors);

    /// <summary>Parses "host:port" into the Runtime API base address, or explains what is wrong.</summary>
    public static Uri? ReadRuntimeApi(Func<string, string?> environment, List<string> errors)
    {
        var name = FunctionEnvironmentVariables.RuntimeApi;
        var value = environment(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{name} is not set: run this executable as a Lambda custom runtime (bootstrap), which sets it to the Runtime API's host:port.");
            return null;
        }

        if (value.Contains('/', StringComparison.Ordinal)
            || !Uri.TryCreate($"http://{value}/2018-06-01/", UriKind.Absolute, out var uri)
            || uri.IsDefaultPort)
        {
            errors.Add($"{name} is '{value}': expected host:port, e.g. 127.0.0.1:9001.");
            return null;
        }

        return uri;
    }

    private static int? ReadInteger(Func<string, string?> environment, string name, int min, int max, string unit, List<string> errors)
    {
        var value = environment(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed >= min && parsed <= max)
        {
            return parsed;
        }

        errors.Add($"{name} is '{value}': expected a whole number of {unit} from {min} to {max}, or leave it unset for the default.");
        return null;
    }
}
