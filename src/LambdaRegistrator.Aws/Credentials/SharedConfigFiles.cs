namespace LambdaRegistrator.Aws.Credentials;

/// <summary>
/// The AWS shared config file (<c>~/.aws/config</c>, or <c>AWS_CONFIG_FILE</c>) and credentials file
/// (<c>~/.aws/credentials</c>, or <c>AWS_SHARED_CREDENTIALS_FILE</c>), read as the AWS CLI reads them: sections
/// <c>[default]</c>, <c>[profile NAME]</c> and <c>[sso-session NAME]</c> in the config file, <c>[NAME]</c> in the
/// credentials file, whose keys win. Indented lines (nested settings such as <c>s3 =</c>) are skipped.
/// </summary>
/// <remarks>Why our own reader: the AWS SDK reads the paths from the process environment, and the CLI passes its
/// environment (with <c>--profile</c> and friends layered over it) as a function.</remarks>
internal sealed class SharedConfigFiles
{
    public const string ConfigFileVariable = "AWS_CONFIG_FILE";
    public const string CredentialsFileVariable = "AWS_SHARED_CREDENTIALS_FILE";

    private readonly Dictionary<string, Dictionary<string, string>> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, string>> _ssoSessions = new(StringComparer.Ordinal);

    private SharedConfigFiles(string configPath, string credentialsPath)
    {
        ConfigPath = configPath;
        CredentialsPath = credentialsPath;
    }

    public string ConfigPath { get; }

    public string CredentialsPath { get; }

    /// <summary>Reads both files (a missing file is empty).</summary>
    /// <exception cref="AwsConfigurationException">A file exists but cannot be read.</exception>
    public static SharedConfigFiles Load(Func<string, string?> environment)
    {
        var home = NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var files = new SharedConfigFiles(
            NonEmpty(environment(ConfigFileVariable)) ?? Path.Combine(home, ".aws", "config"),
            NonEmpty(environment(CredentialsFileVariable)) ?? Path.Combine(home, ".aws", "credentials"));
        files.Read(files.ConfigPath, ConfigFileVariable, isConfig: true);
        files.Read(files.CredentialsPath, CredentialsFileVariable, isConfig: false);
        return files;
    }

    /// <summary>The profile's settings (keys lower-case), or null when neither file has it.</summary>
    public IReadOnlyDictionary<string, string>? Profile(string name) => _profiles.GetValueOrDefault(name);

    /// <summary>An <c>[sso-session NAME]</c> section, or null.</summary>
    public IReadOnlyDictionary<string, string>? SsoSession(string name) => _ssoSessions.GetValueOrDefault(name);

    private void Read(string path, string variable, bool isConfig)
    {
        string[] lines;
        try
        {
            if (!File.Exists(path))
            {
                return;
            }

            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new AwsConfigurationException(
                $"The AWS {(isConfig ? "config" : "credentials")} file {path} cannot be read ({exception.Message}): make it readable, or point {variable} at another file.",
                exception);
        }

        Dictionary<string, string>? section = null;
        foreach (var raw in lines)
        {
            if (raw.Length == 0 || char.IsWhiteSpace(raw[0]))
            {
                // Blank, or a nested setting under e.g. "s3 =": not a credential setting.
                continue;
            }

            var line = raw.Trim();
            if (line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = Section(line[1..^1].Trim(), isConfig);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (section is null || equals <= 0)
            {
                continue;
            }

            var key = line[..equals].Trim().ToLowerInvariant();
            var value = line[(equals + 1)..].Trim();
            // The credentials file is read second, so its keys win over the config file's for the same profile.
            section[key] = value;
        }
    }

    private Dictionary<string, string>? Section(string header, bool isConfig)
    {
        string name;
        var target = _profiles;
        if (!isConfig)
        {
            name = header;
        }
        else if (header == "default")
        {
            name = header;
        }
        else if (header.StartsWith("profile ", StringComparison.Ordinal))
        {
            name = header["profile ".Length..].Trim();
        }
        else if (header.StartsWith("sso-session ", StringComparison.Ordinal))
        {
            name = header["sso-session ".Length..].Trim();
            target = _ssoSessions;
        }
        else
        {
            // e.g. [services NAME]: not about credentials.
            return null;
        }

        if (!target.TryGetValue(name, out var section))
        {
            section = new Dictionary<string, string>(StringComparer.Ordinal);
            target[name] = section;
        }

        return section;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
